// On a narrow screen the main navigation folds behind its Menu button.
// Progressive enhancement: without this script the button stays hidden and the list shows.
// The CSS hides the list only while the button says aria-expanded="false" (static/css/app.css).
(function () {
  "use strict";
  var button = document.querySelector(".menu-button");
  if (!button) { return; }
  var list = document.getElementById(button.getAttribute("aria-controls"));
  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }
  button.hidden = false;
  setOpen(false);
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  // Escape closes the open menu and returns the keyboard to its button.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      if (list.contains(document.activeElement)) { button.focus(); }
    }
  });
})();

// The header's user menu is a <details> element and works without this script; Escape closes it
// and returns the keyboard to its summary, as it does for the Menu button.
(function () {
  "use strict";
  var menu = document.querySelector(".user-menu");
  if (!menu) { return; }
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
})();
