namespace RightSizer.Operator.Cli.Report;

/// <summary>
/// The report's inline style sheet and script: no external file, font or network, so the page works offline and
/// attached to a ticket. The script only sorts tables; the page reads fully without it.
/// </summary>
public static class ReportAssets
{
    public const string Style = """
        :root{color-scheme:light;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d2330;background:#fff}
        body{max-width:1180px;margin:0 auto;padding:20px 24px 48px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:32px 0 8px;border-bottom:2px solid #1d2330;padding-bottom:2px}
        h3{font-size:15px;margin:0 0 6px}.muted{color:#5c6370}
        .cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
        .card{border:1px solid #d8dce3;border-radius:6px;padding:8px 14px;min-width:150px}
        .card b{display:block;font-size:20px}
        .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;margin:8px 0 16px}
        th,td{padding:4px 8px;border-bottom:1px solid #e3e6ec;text-align:left;vertical-align:top}
        th{background:#f4f6f9;font-weight:600;white-space:nowrap}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        th[data-type]{cursor:pointer;user-select:none}
        th[aria-sort=ascending]::after{content:" \25B2"}th[aria-sort=descending]::after{content:" \25BC"}
        .up{color:#b02a37}.down{color:#146c43}
        .entry{display:grid;grid-template-columns:minmax(0,640px) minmax(0,1fr);gap:18px;margin:14px 0 22px;break-inside:avoid}
        .entry dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}
        .entry dt{color:#5c6370}.entry dd{margin:0}
        .entry ul{margin:4px 0 0;padding-left:18px}
        code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:12px;overflow-wrap:anywhere}
        svg.chart{width:100%;height:auto;display:block}
        .usage{fill:#b9d4fb;stroke:#3d7bd9;stroke-width:1}
        .req-now,.lim-now{stroke:#6c757d;stroke-width:1.5;stroke-dasharray:4 3}
        .req-new{stroke:#0b5ed7;stroke-width:2}.lim-new{stroke:#e8590c;stroke-width:2}
        .trend{stroke:#7b3fc4;stroke-width:2;stroke-dasharray:6 4}
        .oom{stroke:#d6336c;stroke-width:2}
        .axis{fill:none;stroke:#adb5bd}.tick{font-size:11px;fill:#5c6370}
        .legend span{display:inline-block;margin-right:14px;white-space:nowrap}
        .legend i{display:inline-block;width:18px;height:0;border-top:2px solid;vertical-align:middle;margin-right:4px}
        @media (max-width:900px){.entry{grid-template-columns:1fr}}
        @media print{
          :root{font-size:10pt}body{max-width:none;padding:0}
          th[data-type]::after{content:""!important}a{color:inherit;text-decoration:none}
          h2{break-after:avoid}.entry{grid-template-columns:62% 1fr;break-inside:avoid}
          .scroll{overflow:visible}table{page-break-inside:auto}tr{break-inside:avoid}
        }
        """;

    /// <summary>Click a header to sort by it (again to reverse); rows without a value stay last either way.</summary>
    public const string Script = """
        document.querySelectorAll('table.sortable').forEach(function (table) {
          table.querySelectorAll('th[data-type]').forEach(function (th, column) {
            th.addEventListener('click', function () {
              var ascending = th.getAttribute('aria-sort') !== 'ascending';
              table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
              th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
              var numeric = th.dataset.type === 'number';
              var key = function (row) { var cell = row.cells[column]; return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent; };
              var body = table.tBodies[0];
              Array.prototype.slice.call(body.rows).sort(function (a, b) {
                var x = key(a), y = key(b);
                if (x === '' || y === '') { return (x === '') - (y === ''); }
                var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
                return ascending ? order : -order;
              }).forEach(function (row) { body.appendChild(row); });
            });
          });
        });
        """;
}
