// The wallboard: the server sends the board's figures every few seconds ("board" events); the page writes them into
// the tiles and redraws two Apache ECharts charts (today's level against the target, and the level per hour).
(function () {
  var root = document.getElementById('wallboard');
  if (!root) {
    return;
  }
  var labels = root.dataset;
  var gauge = window.echarts ? echarts.init(document.getElementById('wb-gauge')) : null;
  var hours = window.echarts ? echarts.init(document.getElementById('wb-hours')) : null;

  function two(n) { return (n < 10 ? '0' : '') + n; }
  function set(id, text) {
    var el = document.getElementById(id);
    if (el && el.textContent !== String(text)) {
      el.textContent = text;
    }
  }

  function draw(board) {
    set('wb-waiting', board.callsWaiting);
    set('wb-longest', two(Math.floor(board.longestWaitSeconds / 60)) + ':' + two(board.longestWaitSeconds % 60));
    set('wb-answered', board.answeredToday);
    set('wb-abandoned', board.abandonedToday);
    set('wb-level', board.serviceLevel == null ? labels.none : board.serviceLevel.toFixed(1) + ' %');
    set('wb-target', board.targetPercent + ' %');
    set('wb-in-time', board.answeredInTime);
    set('wb-counted', board.counted);
    set('wb-at-risk', board.ticketsAtRisk);
    set('wb-breached', board.ticketsBreached);
    set('wb-callbacks', board.callbacksDue);
    set('wb-callbacks-overdue', board.callbacksOverdue);
    Object.keys(board.agents).forEach(function (p) { set('wb-agents-' + p, board.agents[p]); });
    var at = new Date(board.at);
    set('wb-at', two(at.getHours()) + ':' + two(at.getMinutes()) + ':' + two(at.getSeconds()));
    var met = board.serviceLevel == null || board.serviceLevel >= board.targetPercent;
    document.getElementById('wb-level').className = met ? 'wb-met' : 'wb-missed';
    if (gauge) {
      gauge.setOption({
        series: [{
          type: 'gauge', min: 0, max: 100, animation: false,
          axisLine: {lineStyle: {width: 14, color: [[board.targetPercent / 100, '#ab091e'], [1, '#0b6e4f']]}},
          pointer: {width: 5}, title: {offsetCenter: [0, '80%']},
          detail: {formatter: board.serviceLevel == null ? labels.none : '{value} %', fontSize: 20, offsetCenter: [0, '50%']},
          data: [{value: board.serviceLevel == null ? 0 : board.serviceLevel, name: labels.labelLevel}]
        }]
      });
    }
    if (hours) {
      var shown = board.hours.filter(function (h) { return h.counted > 0 || (h.hour >= 8 && h.hour <= 20); });
      hours.setOption({
        animation: false,
        grid: {left: 40, right: 20, top: 30, bottom: 30},
        legend: {data: [labels.labelLevel, labels.labelTarget]},
        xAxis: {type: 'category', data: shown.map(function (h) { return two(h.hour) + ':00'; })},
        yAxis: {type: 'value', min: 0, max: 100},
        series: [
          {name: labels.labelLevel, type: 'bar', data: shown.map(function (h) { return h.percent; }),
           itemStyle: {color: '#0b6e4f'}},
          {name: labels.labelTarget, type: 'line', symbol: 'none', lineStyle: {type: 'dashed', color: '#ab091e'},
           data: shown.map(function () { return board.targetPercent; })}
        ]
      });
    }
  }

  draw(JSON.parse(document.getElementById('wb-initial').textContent));
  if (!window.EventSource) {
    return;
  }
  var source = new EventSource(root.dataset.stream);
  source.addEventListener('hello', function () { document.getElementById('wb-live').dataset.live = 'open'; });
  source.addEventListener('board', function (event) { draw(JSON.parse(event.data)); });
  window.addEventListener('resize', function () { if (gauge) { gauge.resize(); hours.resize(); } });
  window.addEventListener('beforeunload', function () { source.close(); });
})();
