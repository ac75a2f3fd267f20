// Drives a slide document (SlideDocument) from Qt WebEngine's ApplicationWorld: the page's
// own JavaScript is off, and scripts of that world still see the page's DOM. Changing slide
// toggles a class; nothing is rebuilt or fetched. Defines window.coursebookSlides.
(function () {
  'use strict';
  var root = document.documentElement;
  var slides = document.querySelectorAll('section.slide');
  var cards = document.querySelectorAll('.overview-card');
  var current = 0;
  for (var i = 0; i < slides.length; ++i) {
    if (slides[i].classList.contains('current'))
      current = i;
  }
  // The slide budget estimates what fits; a slide whose body and grid came out taller shrinks
  // them a little, once, never below this: a longer section goes on to the next slide instead.
  var minimumFit = 0.8;

  function fit(slide) {
    var content = slide.querySelector('.slide-content');
    var body = slide.querySelector('.slide-fit');
    if (!content || !body || slide.getAttribute('data-fitted'))
      return;
    slide.setAttribute('data-fitted', '1');
    var zoom = 1;
    body.style.zoom = '';
    while (zoom > minimumFit && content.scrollHeight > content.clientHeight + 1) {
      zoom = Math.round((zoom - 0.05) * 100) / 100;
      body.style.zoom = String(zoom);
    }
  }

  function show(n) {
    if (n < 0 || n >= slides.length)
      return current;
    slides[current].classList.remove('current');
    current = n;
    slides[current].classList.add('current');
    fit(slides[current]);
    return current;
  }

  function blank(kind) {
    if (kind === 'black' || kind === 'white')
      root.setAttribute('data-blank', kind);
    else
      root.removeAttribute('data-blank');
  }

  function overview(on, selected) {
    root.classList.toggle('overview', !!on);
    for (var c = 0; c < cards.length; ++c)
      cards[c].classList.toggle('selected', c === selected);
    if (on && selected >= 0 && selected < cards.length)
      cards[selected].scrollIntoView({block: 'nearest'});
  }

  // A grid too tall for one slide is on several, each with some of its body rows (GridSlice).
  function keepRows(holder, first, count) {
    var table = holder.querySelector('table');
    if (!table || (first === 0 && count < 0))
      return;
    var rows = table.querySelectorAll(':scope > tbody > tr, :scope > tr');
    for (var r = 0; r < rows.length; ++r) {
      if (r < first || (count >= 0 && r >= first + count))
        rows[r].remove();
    }
  }

  // The grid HTML comes from the app (SlideDocument::gridHtml), every text in it escaped.
  function setGrid(activityId, html) {
    var grids = document.querySelectorAll('[data-activity]');
    for (var g = 0; g < grids.length; ++g) {
      if (grids[g].getAttribute('data-activity') !== activityId)
        continue;
      grids[g].innerHTML = html;
      keepRows(grids[g], Number(grids[g].getAttribute('data-first-row') || 0),
               Number(grids[g].getAttribute('data-row-count') || -1));
      var slide = grids[g].closest('section.slide');
      if (slide) {
        slide.removeAttribute('data-fitted');
        if (slide === slides[current])
          fit(slide);
      }
    }
  }

  function countdown(text) {
    var corner = document.getElementById('slide-countdown');
    if (corner)
      corner.textContent = text || '';
  }

  // The overview card under a point of the view (a click), or -1.
  function cardAt(x, y) {
    var element = document.elementFromPoint(x, y);
    var card = element && element.closest('.overview-card');
    return card ? Number(card.getAttribute('data-index')) : -1;
  }

  if (slides.length > 0)
    fit(slides[current]);
  window.coursebookSlides = {
    show: show,
    blank: blank,
    overview: overview,
    setGrid: setGrid,
    countdown: countdown,
    current: function () { return current; },
    count: function () { return slides.length; },
    cardAt: cardAt
  };
})();
