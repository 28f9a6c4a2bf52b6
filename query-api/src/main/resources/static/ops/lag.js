// The lag page: polls GET /api/ops/lag (docs/lag.md) every 5 s with the admin token from sessionStorage
// and draws one card per consumer group, with a line of its total lag over the last samples.
// Everything is written with textContent: the report's strings (group names, errors) are never HTML.
(function () {
  'use strict';

  var POLL_MS = 5000;
  var SAMPLES_KEPT = 60; // 5 minutes at the monitor's default interval
  var TOKEN_KEY = 'flexboard.adminToken';
  // Relative, so the page also works behind a router that mounts query-api under a path.
  var LAG_URL = '../api/ops/lag';

  var history = {}; // group name -> [total lag, …], oldest first, in this tab's memory only
  var timer = null;

  function byId(id) { return document.getElementById(id); }

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function showTokenForm(message) {
    clearTimeout(timer);
    byId('token-form').hidden = false;
    byId('forget-token').hidden = true;
    byId('report').hidden = true;
    byId('token-error').hidden = !message;
    byId('token-error').textContent = message || '';
    byId('summary').textContent = 'Not connected.';
  }

  function badge(element, status) {
    element.textContent = status;
    element.className = 'badge status-' + status;
  }

  function number(value) { return value === null || value === undefined ? '–' : String(value); }

  function seconds(value) {
    if (value === null || value === undefined) { return '–'; }
    if (value < 120) { return value.toFixed(1) + ' s'; }
    if (value < 7200) { return (value / 60).toFixed(1) + ' min'; }
    return (value / 3600).toFixed(1) + ' h';
  }

  function showError(element, error) {
    element.hidden = !error;
    element.textContent = error || '';
  }

  function remember(group, totalLag) {
    var samples = history[group] || (history[group] = []);
    samples.push(totalLag);
    if (samples.length > SAMPLES_KEPT) { samples.shift(); }
    return samples;
  }

  // A polyline over the samples, 0 at the bottom, the window's maximum at the top.
  function drawChart(svg, caption, samples) {
    var width = 300, height = 60, max = Math.max.apply(null, samples.concat([1]));
    var step = samples.length > 1 ? width / (SAMPLES_KEPT - 1) : 0;
    var offset = width - step * (samples.length - 1);
    var points = samples.map(function (value, i) {
      return (offset + i * step).toFixed(1) + ',' + (height - 2 - (value / max) * (height - 4)).toFixed(1);
    }).join(' ');
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    line.setAttribute('points', samples.length === 1 ? '0,' + points.split(',')[1] + ' ' + points : points);
    svg.appendChild(line);
    svg.setAttribute('aria-label', 'total lag over the last ' + samples.length + ' samples, at most ' + max);
    caption.textContent = 'total lag, last ' + samples.length + ' samples (max ' + Math.max.apply(null, samples) + ')';
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function groupCard(group) {
    var card = document.querySelector('section.group[data-group="' + CSS.escape(group.group) + '"]');
    if (!card) {
      card = byId('group-card').content.firstElementChild.cloneNode(true);
      card.setAttribute('data-group', group.group);
      card.querySelector('.group-name').textContent = group.group;
      byId('groups').appendChild(card);
    }
    return card;
  }

  function renderGroup(group) {
    var card = groupCard(group);
    badge(card.querySelector('.group-status'), group.status);
    card.querySelector('.total-lag').textContent = number(group.total_lag);
    card.querySelector('.max-lag-seconds').textContent = seconds(group.max_lag_seconds);
    showError(card.querySelector('.group-error'), group.error);
    drawChart(card.querySelector('.total-lag-chart'), card.querySelector('.chart-caption'), remember(group.group, group.total_lag));
    var body = card.querySelector('tbody');
    while (body.firstChild) { body.removeChild(body.firstChild); }
    group.partitions.forEach(function (p) {
      var row = document.createElement('tr');
      cell(row, p.topic);
      cell(row, String(p.partition));
      cell(row, number(p.committed_offset));
      cell(row, number(p.end_offset));
      cell(row, number(p.lag));
      cell(row, seconds(p.lag_seconds));
      badge(cell(row, '').appendChild(document.createElement('span')), p.status);
      body.appendChild(row);
    });
  }

  function render(report) {
    byId('token-form').hidden = true;
    byId('forget-token').hidden = false;
    byId('report').hidden = false;
    byId('summary').textContent = report.sampled_at
      ? 'Sampled ' + new Date(report.sampled_at).toLocaleTimeString() + ', verdicts over ' + report.window + ' samples.'
      : 'The monitor has not taken its first sample yet.';
    badge(byId('relay-status'), report.relay.status);
    byId('relay-lag').textContent = number(report.relay.lag);
    byId('relay-lag-seconds').textContent = seconds(report.relay.lag_seconds);
    showError(byId('relay-error'), report.relay.error);
    var seen = {};
    report.groups.forEach(function (group) { seen[group.group] = true; renderGroup(group); });
    // A group that left the report leaves the page too.
    Array.prototype.forEach.call(document.querySelectorAll('section.group'), function (card) {
      if (!seen[card.getAttribute('data-group')]) {
        delete history[card.getAttribute('data-group')];
        card.parentNode.removeChild(card);
      }
    });
  }

  function poll() {
    clearTimeout(timer);
    if (!token()) { showTokenForm(); return; }
    fetch(LAG_URL, { headers: { Authorization: 'Bearer ' + token(), Accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (response.status === 401) {
          sessionStorage.removeItem(TOKEN_KEY);
          showTokenForm('The token was refused (401). Enter the admin token again.');
          return null;
        }
        if (!response.ok) { throw new Error('GET /api/ops/lag answered ' + response.status); }
        return response.json();
      })
      .then(function (report) {
        if (report) {
          render(report);
          timer = setTimeout(poll, POLL_MS);
        }
      })
      .catch(function (error) {
        // Keep the last report on screen and say it is stale; query-api may be restarting.
        byId('summary').textContent = 'Cannot read the lag (' + error.message + '); retrying every 5 s.';
        timer = setTimeout(poll, POLL_MS);
      });
  }

  byId('token-form').addEventListener('submit', function (event) {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, byId('token').value.trim());
    byId('token').value = '';
    poll();
  });
  byId('forget-token').addEventListener('click', function () {
    sessionStorage.removeItem(TOKEN_KEY);
    history = {};
    byId('groups').textContent = '';
    showTokenForm();
  });

  poll();
}());
