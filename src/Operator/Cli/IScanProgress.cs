namespace RightSizer.Operator.Cli;

/// <summary>What a scan tells its progress display: each history as it arrives, each recommendation as it is made.</summary>
public interface IScanProgress
{
    void HistoryRead();

    void Recommended();
}
