// Runs before the app, so that a pre-rendered page is right from its first paint:
// the reader's font size is applied, and a deep link opens at its section.
(function () {
  try {
    var size = localStorage.getItem("nianbao.font-size");
    if (size) document.documentElement.setAttribute("data-font-size", size);
  } catch (e) {
    // Storage can be blocked (private mode): the default size stands.
  }
  document.addEventListener("DOMContentLoaded", function () {
    var target = document.querySelector("#prerendered .section.is-target");
    if (target) target.scrollIntoView();
  });
})();
