using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RightSizer.Webhooks.Admission;

/// <summary>
/// Serves one webhook: caps the body before parsing, parses the review, runs the handler within the budget and
/// always answers 200 with a well-formed admission.k8s.io/v1 AdmissionReview. Whatever goes wrong is answered the
/// way the handler fails (open for pods, closed for MemoryPolicies), with a warning, a log line and a metric.
/// </summary>
public sealed class AdmissionEndpoint
{
    private readonly AdmissionMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly WebhookOptions _options;
    private readonly ILogger<AdmissionEndpoint> _logger;

    public AdmissionEndpoint(AdmissionMetrics metrics, TimeProvider time, IOptions<WebhookOptions> options, ILogger<AdmissionEndpoint> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metrics = metrics;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    public async Task ServeAsync<TObject>(HttpContext context, IAdmissionHandler<TObject> handler)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handler);
        var started = _time.GetTimestamp();
        var budget = Budget(context.Request);
        using var timeout = new CancellationTokenSource(budget, _time);
        var (refused, request) = await ReadAsync(context, handler, timeout.Token);
        if (refused is not null)
        {
            await AnswerAsync(context, handler, refused, started);
            return;
        }

        // The handler runs on this thread, without a hop to the thread pool. Should it overrun the budget (stuck behind a
        // cache), the timer's callback answers in its place and the handler's late decision is dropped.
        var deadline = new DeadlineAnswer<TObject>(this, context, handler, request!.Uid!, budget, started);
        AdmissionDecision? decision = null;
        var registration = timeout.Token.UnsafeRegister(static state => ((DeadlineAnswer<TObject>)state!).Answer(), deadline);
        try
        {
            if (!deadline.Answered)
            {
                decision = Handle(handler, request);
            }
        }
        finally
        {
            // Completes once a callback already running has finished, so Answered is final from here on.
            await registration.DisposeAsync();
        }

        await (deadline.Answered ? deadline.Written! : AnswerAsync(context, handler, decision!, started));
    }

    private AdmissionDecision Handle<TObject>(IAdmissionHandler<TObject> handler, AdmissionRequest<TObject> request)
    {
        try
        {
            return handler.Handle(request);
        }
        catch (Exception e)
        {
            AdmissionLog.HandlerFailed(_logger, handler.Webhook, request.Uid!, e);
            return Fail(handler, request.Uid!, Pods.MutationReasons.InternalError, "internal error: " + e.GetType().Name);
        }
    }

    private async Task AnswerAsync(HttpContext context, IAdmissionHandler handler, AdmissionDecision decision, long started)
    {
        var elapsed = _time.GetElapsedTime(started);
        var outcome = Outcome(decision, handler);
        _metrics.Record(handler.Webhook, outcome, decision.Reason, elapsed);
        AdmissionLog.Answered(_logger, handler.Webhook, decision.Response.Uid, outcome, decision.Reason, elapsed.TotalMilliseconds);

        // One buffer with its length: the answer goes out as a single write, not chunked.
        var review = new AdmissionReview { ApiVersion = AdmissionReview.V1ApiVersion, Kind = AdmissionReview.ReviewKind, Response = decision.Response };
        var (body, length) = Serialize(review);
        try
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = length;
            await context.Response.Body.WriteAsync(body.AsMemory(0, length), context.RequestAborted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }

    // Written with the thread's reusable writer, then copied into a pooled buffer that outlives the await.
    private static (byte[] Buffer, int Length) Serialize(AdmissionReview review)
    {
        var writer = ThreadJsonBuffer.Start();
        JsonSerializer.Serialize(writer, review, AdmissionJsonContext.Default.AdmissionReview);
        var written = ThreadJsonBuffer.Written(writer);
        var buffer = ArrayPool<byte>.Shared.Rent(written.Length);
        written.CopyTo(buffer);
        return (buffer, written.Length);
    }

    // Reads and parses the review within the budget: a decision when it is refused, else the request to hand over.
    private async Task<(AdmissionDecision? Refused, AdmissionRequest<TObject>? Request)> ReadAsync<TObject>(HttpContext context, IAdmissionHandler<TObject> handler, CancellationToken budget)
    {
        byte[]? rented = null;
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget, context.RequestAborted);
            (rented, var length) = await ReadBodyAsync(context.Request, linked.Token);
            if (rented is null)
            {
                return (Fail(handler, string.Empty, AdmissionFailures.BodyTooLarge, $"request body over {AdmissionLimits.MaxBodyBytes} bytes"), null);
            }

            AdmissionReview<TObject>? review;
            try
            {
                review = handler.Read(rented.AsSpan(0, length));
            }
            catch (JsonException e)
            {
                return (Unparsed(handler, rented.AsSpan(0, length), e), null);
            }

            return (Envelope(handler, review?.ApiVersion, review?.Kind, review?.Request?.Uid, review?.Request is not null), review?.Request);
        }
        catch (OperationCanceledException)
        {
            return (Fail(handler, string.Empty, Pods.MutationReasons.Deadline, "the request body did not arrive within the budget"), null);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // The budget's answer while the handler still runs: written from the timer's thread, the response completed so
    // the API server has it at once, whatever the handler's thread is doing.
    private sealed class DeadlineAnswer<TObject>(AdmissionEndpoint endpoint, HttpContext context, IAdmissionHandler<TObject> handler, string uid, TimeSpan budget, long started)
    {
        public bool Answered { get; private set; }

        public Task? Written { get; private set; }

        public void Answer()
        {
            Answered = true;
            var decision = endpoint.Fail(handler, uid, Pods.MutationReasons.Deadline, $"no answer within {budget.TotalMilliseconds:0} ms");
            Written = CompleteAsync(endpoint.AnswerAsync(context, handler, decision, started));
        }

        private async Task CompleteAsync(Task answer)
        {
            await answer;
            await context.Response.CompleteAsync();
        }
    }

    // The review is checked before the handler sees it: the right version and kind, a request, and a uid to answer to.
    private AdmissionDecision? Envelope(IAdmissionHandler handler, string? apiVersion, string? kind, string? uid, bool hasRequest)
    {
        if (apiVersion != AdmissionReview.V1ApiVersion || kind != AdmissionReview.ReviewKind || !hasRequest)
        {
            return Fail(handler, uid ?? string.Empty, AdmissionFailures.InvalidReview, $"expected an {AdmissionReview.V1ApiVersion} {AdmissionReview.ReviewKind} with a request (got {apiVersion ?? "none"} {kind ?? "none"})");
        }

        return string.IsNullOrEmpty(uid) ? Fail(handler, string.Empty, AdmissionFailures.MissingUid, "the AdmissionReview request has no uid") : null;
    }

    // The one-pass parse failed. When it failed inside request.object, the rest of the review may still be readable:
    // read it again with the object as plain JSON, so the answer carries the request's uid and says where the object broke.
    private AdmissionDecision Unparsed<TObject>(IAdmissionHandler<TObject> handler, ReadOnlySpan<byte> body, JsonException error)
    {
        const string ObjectPath = "$.request.object";
        if (error.Path is { } path && path.StartsWith(ObjectPath, StringComparison.Ordinal))
        {
            if (ReadWithPlainObject(body) is { } review)
            {
                return Envelope(handler, review.ApiVersion, review.Kind, review.Request?.Uid, review.Request is not null)
                    ?? handler.ObjectUnreadable(review.Request!, "$" + path[ObjectPath.Length..]);
            }
        }

        return Fail(handler, string.Empty, AdmissionFailures.InvalidJson, $"the request is not an AdmissionReview: {error.Message}");
    }

    private static AdmissionReview<JsonElement>? ReadWithPlainObject(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, AdmissionJsonContext.Default.JsonReview);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The API server says how long it waits (?timeout=5s); we answer within our budget or a share of that, whichever is shorter.
    // The query string is walked in place rather than through request.Query, which builds a dictionary per request.
    // As there, names match case-insensitively, and a repeated timeout is not one we can read.
    private TimeSpan Budget(HttpRequest request)
    {
        ReadOnlyMemory<char>? timeout = null;
        foreach (var parameter in new QueryStringEnumerable(request.QueryString.Value))
        {
            if (parameter.DecodeName().Span.Equals("timeout", StringComparison.OrdinalIgnoreCase))
            {
                if (timeout is not null)
                {
                    return _options.Budget;
                }

                timeout = parameter.DecodeValue();
            }
        }

        var text = timeout.GetValueOrDefault().Span;
        return text.EndsWith('s') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(Math.Min(_options.Budget.TotalSeconds, seconds * 0.8))
            : _options.Budget;
    }

    private AdmissionDecision Fail(IAdmissionHandler handler, string uid, string reason, string detail)
    {
        AdmissionLog.Failed(_logger, handler.Webhook, uid, reason, detail);
        return handler.FailsOpen
            ? AdmissionDecision.Allow(uid, reason, [$"rightsizer: admitted unchanged ({reason}): {detail}"])
            : AdmissionDecision.Deny(uid, reason, $"rightsizer: {detail}");
    }

    private static string Outcome(AdmissionDecision decision, IAdmissionHandler handler)
    {
        var failed = decision.Reason is AdmissionFailures.BodyTooLarge or AdmissionFailures.InvalidJson or AdmissionFailures.InvalidReview
            or AdmissionFailures.MissingUid or Pods.MutationReasons.Deadline or Pods.MutationReasons.InternalError
            or Pods.MutationReasons.MalformedPod or Pods.MutationReasons.CacheNotSynced;
        if (failed)
        {
            return handler.FailsOpen ? AdmissionOutcomes.FailedOpen : AdmissionOutcomes.FailedClosed;
        }

        return decision.Response switch
        {
            { Allowed: false } => AdmissionOutcomes.Denied,
            { Patch: not null } => AdmissionOutcomes.Patched,
            _ => AdmissionOutcomes.Allowed,
        };
    }

    // Reads at most MaxBodyBytes into a pooled buffer; null when the body is larger (the rest is never read).
    private static async Task<(byte[]? Buffer, int Length)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > AdmissionLimits.MaxBodyBytes)
        {
            return (null, 0);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(request.ContentLength ?? 16 * 1024, 1024, AdmissionLimits.MaxBodyBytes) + 1);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > AdmissionLimits.MaxBodyBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, 0);
                }

                var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, AdmissionLimits.MaxBodyBytes + 1));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return length > AdmissionLimits.MaxBodyBytes ? (Return(buffer), 0) : (buffer, length);
            }

            length += read;
        }
    }

    private static byte[]? Return(byte[] buffer)
    {
        ArrayPool<byte>.Shared.Return(buffer);
        return null;
    }
}
