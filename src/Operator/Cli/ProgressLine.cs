using System.Globalization;

namespace RightSizer.Operator.Cli;

/// <summary>
/// A progress line on stderr for scans that take more than a second: rewritten in place on a terminal, a single
/// summary line otherwise (so logs and pipes get no carriage returns). Never touches stdout.
/// </summary>
public sealed class ProgressLine : IProgress<int>
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter _error;
    private readonly TimeProvider _time;
    private readonly bool _interactive;
    private readonly long _started;
    private readonly Lock _lock = new();
    private long _lastWrite;
    private int _count;
    private bool _shown;

    public ProgressLine(TextWriter error, TimeProvider time, bool interactive)
    {
        _error = error;
        _time = time;
        _interactive = interactive;
        _started = time.GetTimestamp();
        _lastWrite = _started;
    }

    public void Report(int value)
    {
        lock (_lock)
        {
            _count = Math.Max(_count, value);
            var now = _time.GetTimestamp();
            if (!_interactive || _time.GetElapsedTime(_started, now) < Quiet || _time.GetElapsedTime(_lastWrite, now) < Interval)
            {
                return;
            }

            _lastWrite = now;
            _shown = true;
            _error.Write(Text(now) + "\r");
            _error.Flush();
        }
    }

    /// <summary>Ends the line: a final count when the scan took more than a second.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (_shown || _time.GetElapsedTime(_started, now) >= Quiet)
            {
                _error.WriteLine(Text(now));
            }
        }
    }

    private string Text(long now) => string.Create(
        CultureInfo.InvariantCulture,
        $"recommended {_count} containers in {_time.GetElapsedTime(_started, now).TotalSeconds:0.0}s");
}
