// The Update-all page, faster: last period's commentary copied in place, and each measure's
// RAG and its reason shown as its value is typed (issue 12, "The officer's return").
// Progressive enhancement: without this script the copy buttons and "Check every RAG" post the
// form and the page comes back with the same result. No inline script (Content-Security-Policy).
// Our own small module rather than a library: one fetch per pause in typing is all it needs.
(function () {
  "use strict";
  var FIELDS = ["actual", "numerator", "denominator", "officer_rag", "forecast"];
  var PAUSE_MS = 250;

  document.querySelectorAll("button[data-copy-to]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      var box = document.getElementById(button.getAttribute("data-copy-to"));
      if (!box) { return; }  // no box to fill: let the form post as it would without script
      event.preventDefault();
      box.value = button.getAttribute("data-copy-text");
      box.dispatchEvent(new Event("input", { bubbles: true }));
    });
  });

  function previewRow(row) {
    var url = row.getAttribute("data-rag-preview");
    var prefix = row.getAttribute("data-prefix");
    var output = row.querySelector("[data-rag-output]");
    var timer = null;
    var asked = 0;
    function fields() {
      return FIELDS.map(function (name) {
        return [name, row.querySelector('[name="' + prefix + "-" + name + '"]')];
      }).filter(function (pair) { return pair[1] !== null; });
    }
    function ask() {
      var query = new URLSearchParams();
      fields().forEach(function (pair) { query.append(pair[0], pair[1].value); });
      var mine = ++asked;
      fetch(url + "?" + query.toString(), {
        credentials: "same-origin",
        headers: { "Accept": "text/html" },
      }).then(function (response) {
        return response.ok ? response.text() : null;
      }).then(function (html) {
        // Only the answer to the latest figures is shown, whatever order answers arrive in.
        if (html !== null && mine === asked) { output.innerHTML = html; }
      }).catch(function () { /* offline: "Check every RAG" still works */ });
    }
    fields().forEach(function (pair) {
      ["input", "change"].forEach(function (kind) {
        pair[1].addEventListener(kind, function () {
          clearTimeout(timer);
          timer = setTimeout(ask, PAUSE_MS);
        });
      });
    });
  }

  document.querySelectorAll("tr[data-rag-preview]").forEach(previewRow);
})();
