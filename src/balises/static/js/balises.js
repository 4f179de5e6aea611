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
})();
