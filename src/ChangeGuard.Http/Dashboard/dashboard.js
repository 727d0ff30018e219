// ChangeGuard's dashboard: the watches of this server, one watch's decisions and evidence, abort and stop.
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
  const decisions = watch.hasEnded ? (watch.outcome.timeline || []) : (watch.status ? watch.status.lastDecisions || [] : []);
  const timeline = document.getElementById("timeline");
  timeline.replaceChildren();
  for (const d of decisions) {
    const li = document.createElement("li");
    li.className = "verdict-" + d.verdict;
    li.textContent = `${new Date(d.at).toLocaleTimeString()} poll ${d.poll} ${d.verdict}: ${d.reason} → ${d.actionText}`;
    timeline.appendChild(li);
  }
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

async function command(kind) {
  const result = document.getElementById("action-result");
  if (kind === "abort" && !confirm(`Abort change order ${selected} now, with its rollback policy?`)) { return; }
  try {
    const body = kind === "abort" ? JSON.stringify({ reason: document.getElementById("reason").value || "aborted from the dashboard", requestedBy: "dashboard" }) : undefined;
    await api(`/api/watches/${encodeURIComponent(selected)}/${kind}`, { method: "POST", body });
    result.textContent = kind === "abort" ? "Abort requested." : "Stop requested.";
  } catch (error) {
    result.textContent = error.message;
  }
  refresh();
}

document.getElementById("abort").addEventListener("click", () => command("abort"));
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
