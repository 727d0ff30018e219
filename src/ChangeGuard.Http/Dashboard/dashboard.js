// ChangeGuard's dashboard: the watches of this server, one watch's decisions, evidence and judged values, abort and stop.
// Same-origin requests only, with the API key (when the server wants one) from the field, kept for this tab.
"use strict";

const keyField = document.getElementById("key");
keyField.value = sessionStorage.getItem("changeguard-key") || "";
keyField.addEventListener("change", () => { sessionStorage.setItem("changeguard-key", keyField.value); refresh(); });

let selected = new URLSearchParams(location.search).get("watch");

function headers(json) {
  const h = {};
  if (keyField.value) { h["X-Api-Key"] = keyField.value; h["x-functions-key"] = keyField.value; }
  if (json) { h["Content-Type"] = "application/json"; }
  return h;
}

async function api(path, options) {
  const response = await fetch(path, Object.assign({ headers: headers(options && options.body) }, options));
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) { throw new Error((body && (body.detail || body.title)) || `HTTP ${response.status}`); }
  return body;
}

function cell(row, text, cls) {
  const td = document.createElement("td");
  td.textContent = text === undefined || text === null ? "" : String(text);
  if (cls) { td.className = cls; }
  row.appendChild(td);
}

function outcomeOf(watch) { return watch.outcome ? watch.outcome.outcome : ""; }

function renderList(page) {
  const body = document.querySelector("#watches tbody");
  body.replaceChildren();
  for (const watch of page.watches) {
    const row = document.createElement("tr");
    row.dataset.changeOrder = watch.changeOrderId;
    if (watch.changeOrderId === selected) { row.classList.add("selected"); }
    cell(row, watch.changeOrderId);
    cell(row, watch.appId);
    cell(row, watch.hasEnded ? "ended" : watch.runtimeStatus);
    cell(row, watch.lastVerdict, "verdict-" + (watch.lastVerdict || ""));
    cell(row, watch.status ? watch.status.polls : "");
    cell(row, outcomeOf(watch), "outcome-" + outcomeOf(watch));
    row.addEventListener("click", () => { selected = watch.changeOrderId; history.replaceState(null, "", "?watch=" + encodeURIComponent(selected)); refresh(); });
    body.appendChild(row);
  }
}

function renderDetail(watch) {
  document.getElementById("detail").hidden = false;
  document.getElementById("detail-title").textContent = `${watch.changeOrderId} of ${watch.appId} in ${watch.regionId}`;
  const outcome = outcomeOf(watch);
  document.getElementById("detail-summary").textContent = watch.hasEnded
    ? `Ended: ${outcome}. ${watch.outcome.reason}`
    : `${watch.runtimeStatus}, ${watch.status ? watch.status.polls : 0} poll(s); last: ${watch.lastHealth || "no poll yet"}`;
  document.getElementById("abort").disabled = watch.hasEnded;
  document.getElementById("stop").disabled = watch.hasEnded;
  document.getElementById("promote").disabled = watch.hasEnded;
  const decisions = watch.hasEnded ? (watch.outcome.timeline || []) : (watch.status ? watch.status.lastDecisions || [] : []);
  const timeline = document.getElementById("timeline");
  timeline.replaceChildren();
  for (const d of decisions) {
    const li = document.createElement("li");
    li.className = "verdict-" + d.verdict;
    li.textContent = `${new Date(d.at).toLocaleTimeString()} poll ${d.poll} ${d.verdict}: ${d.reason} → ${d.actionText}`;
    timeline.appendChild(li);
  }
  renderPromotions(watch);
  renderCharts(watch.status ? watch.status.chart : null);
  const evidence = document.getElementById("evidence");
  evidence.replaceChildren();
  const items = (watch.outcome && watch.outcome.evidence) || [];
  document.getElementById("evidence-block").hidden = items.length === 0;
  for (const e of items) {
    const li = document.createElement("li");
    li.textContent = `${e.signal}: ${e.observed} (threshold ${e.threshold})`;
    evidence.appendChild(li);
  }
}

const promotionWords = {
  confirmed: "confirmed by ChangeGuard",
  alreadyConfirmed: "already confirmed (by a person, or an earlier delivery): not confirmed twice",
  wouldPromote: "would have been confirmed (dry run)",
  refused: "SAE refused the confirm: left for a person",
};

// The batches the promotion gate acted on, and the bake of the batch a manual release waits to start.
function renderPromotions(watch) {
  const promotions = (watch.hasEnded ? watch.outcome.promotions : watch.status && watch.status.promotions) || [];
  const bake = !watch.hasEnded && watch.status ? watch.status.bake : null;
  const list = document.getElementById("promotions");
  list.replaceChildren();
  for (const p of promotions) {
    const li = document.createElement("li");
    li.className = "promotion-" + p.result;
    li.textContent = `${new Date(p.at).toLocaleTimeString()} batch ${p.batch} of ${p.batchCount}: ${promotionWords[p.result] || p.result}`;
    list.appendChild(li);
  }

  if (bake) {
    const li = document.createElement("li");
    li.className = "promotion-baking";
    li.textContent = `batch ${bake.batch - 1} baking since ${new Date(bake.healthySince).toLocaleTimeString()} (${bake.healthyPolls} healthy poll(s)) before batch ${bake.batch} is confirmed`;
    list.appendChild(li);
  }

  document.getElementById("promotions-block").hidden = list.children.length === 0;
}

const svgNs = "http://www.w3.org/2000/svg";

function svg(name, attributes, parent) {
  const element = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) { element.setAttribute(key, String(value)); }
  if (parent) { parent.appendChild(element); }
  return element;
}

function atLeast(measure) { return measure.comparison === ">=" || measure.comparison === "atLeast"; }

// A value breaches when it is on the wrong side of its threshold; a pass/fail measure (no threshold) when it is 0.
function breaches(measure, value) {
  if (measure.threshold === null || measure.threshold === undefined) { return value < 1; }
  return atLeast(measure) ? value < measure.threshold : value > measure.threshold;
}

function formatValue(value) { return String(Number(value.toPrecision(3))); }

// One measure over the last polls: the values as a line (broken where a poll did not measure it), the threshold dashed.
function measureChart(measure, values, times) {
  const width = 300, height = 120, left = 36, right = 8, top = 8, bottom = 18;
  const figure = document.createElement("figure");
  figure.className = "chart";
  figure.dataset.measure = measure.name;
  const known = values.filter(v => v !== null && v !== undefined);
  const hasThreshold = measure.threshold !== null && measure.threshold !== undefined;
  const limit = hasThreshold ? `${atLeast(measure) ? "≥" : "≤"} ${formatValue(measure.threshold)}` : "pass (1) or fail (0)";
  const caption = document.createElement("figcaption");
  caption.textContent = `${measure.name}: ${known.length ? formatValue(known[known.length - 1]) : "no value yet"} (threshold ${limit})`;
  const candidates = known.concat(hasThreshold ? [measure.threshold] : [0, 1]).concat([0]);
  const low = Math.min(...candidates), high = Math.max(...candidates);
  const span = high - low || 1;
  const first = Math.min(...times), last = Math.max(...times);
  const x = t => left + (last > first ? (t - first) / (last - first) : 0.5) * (width - left - right);
  const y = v => top + (1 - (v - low) / (span * 1.1)) * (height - top - bottom);
  const chart = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": caption.textContent });
  svg("line", { class: "axis", x1: left, x2: width - right, y1: height - bottom, y2: height - bottom }, chart);
  svg("text", { x: 2, y: top + 8 }, chart).textContent = formatValue(low + span * 1.1);
  svg("text", { x: 2, y: height - bottom }, chart).textContent = formatValue(low);
  svg("text", { x: left, y: height - 4 }, chart).textContent = new Date(first).toLocaleTimeString();
  if (hasThreshold) {
    svg("line", { class: "threshold", x1: left, x2: width - right, y1: y(measure.threshold), y2: y(measure.threshold) }, chart);
  }

  let segment = [];
  const flush = () => {
    if (segment.length > 1) { svg("polyline", { class: "line", points: segment.join(" ") }, chart); }
    segment = [];
  };
  values.forEach((value, i) => {
    if (value === null || value === undefined) { flush(); return; }
    segment.push(`${x(times[i]).toFixed(1)},${y(value).toFixed(1)}`);
    const point = svg("circle", { cx: x(times[i]).toFixed(1), cy: y(value).toFixed(1), r: 2.5 }, chart);
    if (breaches(measure, value)) { point.classList.add("breach"); }
    svg("title", {}, point).textContent = `${new Date(times[i]).toLocaleTimeString()}: ${formatValue(value)}`;
  });
  flush();
  figure.append(caption, chart);
  return figure;
}

function renderCharts(chart) {
  const host = document.getElementById("charts");
  host.replaceChildren();
  const samples = chart ? chart.samples : [];
  document.getElementById("charts-block").hidden = samples.length === 0;
  const times = samples.map(s => Date.parse(s.at));
  (chart ? chart.measures : []).forEach((measure, i) => host.appendChild(measureChart(measure, samples.map(s => s.values[i]), times)));
}

const commandWords = {
  abort: { done: "Abort requested.", reason: "aborted from the dashboard", ask: id => `Abort change order ${id} now, with its rollback policy?` },
  promote: { done: "Promotion requested.", reason: "promoted from the dashboard", ask: id => `Confirm the next batch of change order ${id} now, without waiting for its bake?` },
  stop: { done: "Stop requested." },
};

async function command(kind) {
  const result = document.getElementById("action-result");
  const words = commandWords[kind];
  if (words.ask && !confirm(words.ask(selected))) { return; }
  try {
    const body = words.reason ? JSON.stringify({ reason: document.getElementById("reason").value || words.reason, requestedBy: "dashboard" }) : undefined;
    await api(`/api/watches/${encodeURIComponent(selected)}/${kind}`, { method: "POST", body });
    result.textContent = words.done;
  } catch (error) {
    result.textContent = error.message;
  }
  refresh();
}

document.getElementById("abort").addEventListener("click", () => command("abort"));
document.getElementById("promote").addEventListener("click", () => command("promote"));
document.getElementById("stop").addEventListener("click", () => command("stop"));

async function refresh() {
  const status = document.getElementById("status");
  try {
    const page = await api("/api/watches?top=100");
    renderList(page);
    if (selected) { renderDetail(await api(`/api/watches/${encodeURIComponent(selected)}`)); }
    status.textContent = `${page.watches.length} watch(es), updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    status.textContent = error.message;
  }
}

refresh();
setInterval(refresh, 2000);
