// Live reload: the preview server sends "reload" when a partner file, a
// template or a page changes; the page reloads where it was scrolled to.
(function () {
  var key = "pp-scroll:" + location.pathname;
  var y = sessionStorage.getItem(key);
  if (y !== null) { window.scrollTo(0, +y); sessionStorage.removeItem(key); }
  var es = new EventSource("/events");
  es.addEventListener("reload", function () {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  });
})();
