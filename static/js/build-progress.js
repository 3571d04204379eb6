// Follows a report pack's background build and offers the download when it is ready.
(function () {
  "use strict";
  var box = document.getElementById("build");
  if (!box) { return; }
  var bar = document.getElementById("build-progress");
  var message = document.getElementById("build-message");
  var download = document.getElementById("build-download");
  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (build) {
        bar.value = build.progress;
        bar.textContent = build.progress + "%";
        message.textContent = build.status_display + (build.message ? ": " + build.message : "");
        if (build.ready) {
          download.hidden = false;
        } else if (build.status !== "failed") {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  if (download.hidden) { poll(); }
})();
