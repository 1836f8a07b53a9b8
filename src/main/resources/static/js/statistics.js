// Draws the statistics charts: each <canvas data-chart> carries its data as JSON written by the server.
(function () {
  var COLOURS = { GREEN: '#2e7d32', AMBER: '#f9a825', RED: '#c62828', GREY: '#9e9e9e' };
  var LINES = ['#1565c0', '#6a1b9a', '#00838f', '#ef6c00', '#558b2f'];

  function ranking(data) {
    return {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [
          { label: data.rate, data: data.rates, backgroundColor: data.colours.map(function (c) { return COLOURS[c]; }) },
          { label: data.target, data: data.targets, type: 'line', borderColor: '#37474f', borderDash: [6, 4],
            pointRadius: 0, fill: false }
        ]
      },
      options: { indexAxis: horizontal(data) ? 'y' : 'x', maintainAspectRatio: false,
        plugins: { legend: legend() }, scales: { x: { suggestedMax: 100 }, y: { suggestedMax: 100 } } }
    };
  }

  // Many units, or a narrow screen: one bar a line, the names readable down the side.
  function horizontal(data) {
    return data.labels.length > 8 || narrow();
  }

  function narrow() {
    return window.matchMedia('(max-width: 720px)').matches;
  }

  function legend() {
    return narrow() ? { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } } : { position: 'top' };
  }

  function trend(data) {
    var datasets = Object.keys(data.series).map(function (name, i) {
      return { label: name, data: data.series[name], borderColor: LINES[i % LINES.length], spanGaps: true, fill: false };
    });
    if (data.targetValue !== null) {
      datasets.push({ label: data.target, data: data.labels.map(function () { return data.targetValue; }),
        borderColor: '#37474f', borderDash: [6, 4], pointRadius: 0, fill: false });
    }
    return { type: 'line', data: { labels: data.labels, datasets: datasets },
      options: { maintainAspectRatio: false, plugins: { legend: legend() },
        scales: { x: { ticks: { autoSkip: true, maxRotation: 0, maxTicksLimit: narrow() ? 4 : 12 } },
          y: { suggestedMin: 0, suggestedMax: 100 } } } };
  }

  function draw() {
    if (typeof Chart === 'undefined') {
      return;
    }
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var data = JSON.parse(canvas.getAttribute('data-chart'));
      if (data.type === 'ranking' && horizontal(data)) {
        // One bar a line: the box grows with the units.
        canvas.parentElement.style.height = Math.max(240, data.labels.length * 26 + 90) + 'px';
      }
      new Chart(canvas, data.type === 'ranking' ? ranking(data) : trend(data));
      canvas.setAttribute('data-drawn', 'true');
    });
  }

  window.addEventListener('load', draw);
})();
