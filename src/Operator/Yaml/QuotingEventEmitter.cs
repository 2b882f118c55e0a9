using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace RightSizer.Operator.Yaml;

/// <summary>
/// Double-quotes every string scalar that a YAML 1.1 reader (kubectl) would misread as a boolean, null, number or
/// timestamp (<see cref="Yaml11Scalars"/>): <c>default: Off</c> would otherwise reach the API server as <c>false</c>.
/// </summary>
public sealed class QuotingEventEmitter(IEventEmitter nextEmitter) : ChainedEventEmitter(nextEmitter)
{
    public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
    {
        ArgumentNullException.ThrowIfNull(eventInfo);
        if (eventInfo.Source.Value is string text && Yaml11Scalars.NeedsQuotes(text))
        {
            eventInfo.Style = ScalarStyle.DoubleQuoted;
        }

        base.Emit(eventInfo, emitter);
    }
}
