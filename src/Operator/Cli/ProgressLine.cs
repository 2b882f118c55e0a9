using System.Globalization;

namespace RightSizer.Operator.Cli;

/// <summary>
/// A progress line on stderr for scans that take more than a second, from the first byte fetched or parsed to the last
/// recommendation: the phase (reading a file, querying Prometheus), the containers read and recommended, and what the
/// phase can say of itself (requests and bytes from Prometheus). A timer on the injected clock redraws it while a
/// phase is silent, so a long fetch or parse shows as such. Rewritten in place on a terminal; otherwise a single
/// summary line at the end (so logs and pipes get no carriage returns). Never touches stdout.
/// </summary>
public sealed class ProgressLine : IScanProgress, IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter _error;
    private readonly TimeProvider _time;
    private readonly bool _interactive;
    private readonly long _started;
    private readonly Lock _lock = new();
    private readonly ITimer? _timer;
    private string _phase = "starting";
    private Func<string>? _detail;
    private long _lastWrite;
    private int _read;
    private int _recommended;
    private bool _shown;
    private bool _completed;

    public ProgressLine(TextWriter error, TimeProvider time, bool interactive)
    {
        _error = error;
        _time = time;
        _interactive = interactive;
        _started = time.GetTimestamp();
        _lastWrite = _started;
        _timer = interactive ? time.CreateTimer(_ => Redraw(force: true), null, Interval, Interval) : null;
    }

    /// <summary>Names what the scan is doing now; <paramref name="detail"/> is read at each redraw.</summary>
    public void Phase(string phase, Func<string>? detail = null)
    {
        lock (_lock)
        {
            _phase = phase;
            _detail = detail ?? _detail;
        }

        Redraw(force: false);
    }

    public void HistoryRead()
    {
        Interlocked.Increment(ref _read);
        Redraw(force: false);
    }

    public void Recommended()
    {
        Interlocked.Increment(ref _recommended);
        Redraw(force: false);
    }

    /// <summary>Ends the line: a final count when the scan took more than a second.</summary>
    public void Complete()
    {
        _timer?.Dispose();
        lock (_lock)
        {
            _completed = true;
            var now = _time.GetTimestamp();
            if (_shown || _time.GetElapsedTime(_started, now) >= Quiet)
            {
                _error.WriteLine(Text(now, done: true));
            }
        }
    }

    public void Dispose() => _timer?.Dispose();

    private void Redraw(bool force)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (!_interactive || _completed || _time.GetElapsedTime(_started, now) < Quiet
                || (!force && _time.GetElapsedTime(_lastWrite, now) < Interval))
            {
                return;
            }

            _lastWrite = now;
            _shown = true;
            _error.Write(Text(now, done: false) + "\r");
            _error.Flush();
        }
    }

    private string Text(long now, bool done)
    {
        var elapsed = _time.GetElapsedTime(_started, now).TotalSeconds;
        var detail = _detail?.Invoke() is { Length: > 0 } d ? "; " + d : string.Empty;
        var read = Volatile.Read(ref _read);
        var recommended = Volatile.Read(ref _recommended);
        return done
            ? string.Create(CultureInfo.InvariantCulture, $"read {read} containers, recommended {recommended} in {elapsed:0.0}s{detail}")
            : string.Create(CultureInfo.InvariantCulture, $"{_phase}: {read} containers read, {recommended} recommended, {elapsed:0.0}s{detail}");
    }
}
