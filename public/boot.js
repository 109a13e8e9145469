// Runs before the app, so that a pre-rendered page is right from its first paint:
// the reader's font size is applied, and a deep link opens at its section.
(function () {
  try {
    var size = localStorage.getItem("nianbao.font-size");
    if (size) document.documentElement.setAttribute("data-font-size", size);
  } catch (e) {
    // Storage can be blocked (private mode): the default size stands.
  }
  // A deep link's page names the element it opens at in a render-blocking
  // <link rel="expect">: the browser holds the first paint until that element is parsed, and
  // the first frame's callback (run just before it paints) scrolls to it, so the first paint
  // is already at the section (text painted at the top and scrolled away was at times the
  // only paint recorded for the largest one). Scrolling as the parser put the element in
  // laid out the half-parsed page once more (190 ms on a phone). Browsers without render
  // blocking may paint before the element is there: they scroll on DOMContentLoaded, below,
  // as does a fragment (a figure's link).
  var opened = false;
  if (!location.hash) {
    requestAnimationFrame(function () {
      var expect = document.querySelector('link[rel="expect"][blocking~="render"]');
      var target = expect && document.getElementById(decodeURIComponent(new URL(expect.href).hash.slice(1)));
      if (!target) return;
      target.scrollIntoView();
      opened = true;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    // A figure named by the fragment (…/s5/#f-s5-0-51) is shown in the middle of the screen.
    var figure = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (figure) {
      figure.setAttribute("data-linked", "");
      figure.scrollIntoView({ block: "center" });
      return;
    }
    if (opened) return;
    var target = document.querySelector("#prerendered .section.is-target, #prerendered .compare-section.is-target, #prerendered .tujie-panel.is-target");
    if (target) target.scrollIntoView();
  });
})();
