// Small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // Select the whole token on focus so it is easy to copy (it is shown only once).
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.classList && event.target.classList.contains("token-value")) {
      const range = document.createRange();
      range.selectNodeContents(event.target);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
  });

  // A table wider than the screen scrolls inside its .table-wrap: keyboard users must be able
  // to reach it to scroll it, so it becomes focusable only while it actually overflows.
  function markScrollableTables() {
    document.querySelectorAll(".table-wrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.setAttribute("tabindex", "0");
      } else {
        wrap.removeAttribute("tabindex");
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markScrollableTables);
  } else {
    markScrollableTables();
  }
  window.addEventListener("resize", markScrollableTables);
  document.addEventListener("htmx:afterSettle", markScrollableTables);
})();
