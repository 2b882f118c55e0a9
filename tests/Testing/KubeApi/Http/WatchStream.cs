using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RightSizer.Testing.KubeApi.Model;
using RightSizer.Testing.KubeApi.Selectors;
using RightSizer.Testing.KubeApi.Semantics.Errors;
using RightSizer.Testing.KubeApi.Storage;

namespace RightSizer.Testing.KubeApi.Http;

/// <summary>
/// A watch as apiserver's handlers/watch.go serves it: 200 with headers flushed at once, then one newline-terminated
/// <c>{"type","object"}</c> per event. Selector transitions become ADDED/DELETED (cacher's cache_watcher.go), a too-old
/// resourceVersion is one ERROR 410 event and the end, bookmarks come when allowed, timeoutSeconds ends the stream.
/// </summary>
public sealed class WatchStream
{
    private readonly ApiServerState _state;

    public WatchStream(ApiServerState state) => _state = state;

    public async Task ServeAsync(HttpContext context, ApiPath path)
    {
        var query = context.Request.Query;
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(path.Name.Length > 0 ? $"metadata.name={path.Name}" : query["fieldSelector"].ToString(), path.Type);
        var table = MediaTypes.WantsTable(context.Request.Headers.Accept);
        var bookmarks = query["allowWatchBookmarks"] == "true";
        _ = long.TryParse(query["resourceVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var since);
        var deadline = long.TryParse(query["timeoutSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var timeout) && timeout > 0
            ? _state.Time.GetUtcNow().AddSeconds(timeout)
            : (DateTimeOffset?)null;

        var writer = new EventWriter(context, _state, path.Type, table, ReadIncludeObject(context));
        context.Response.StatusCode = 200;
        context.Response.ContentType = table ? MediaTypes.TableV1 : MediaTypes.Json;
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);

        WatchSubscription subscription;
        try
        {
            if (_state.Faults.TakeExpireNextWatch())
            {
                throw new ApiStatusException(StatusErrors.TooOldResourceVersion(since, _state.Store.CurrentResourceVersion));
            }

            subscription = _state.Store.Watch(path.Type, path.Type.Namespaced && path.Namespace.Length > 0 ? path.Namespace : null, since);
        }
        catch (ApiStatusException e)
        {
            await writer.WriteAsync("ERROR", e.Status.ToJson());
            return;
        }

        using (subscription)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _state.Faults.WatchDropToken);
            try
            {
                foreach (var change in subscription.Initial)
                {
                    await SendAsync(writer, change, labels, fields);
                }

                await StreamAsync(writer, subscription, labels, fields, bookmarks, deadline, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Client gone or the watch dropped by a fault: the stream simply ends.
            }
        }
    }

    private async Task StreamAsync(
        EventWriter writer, WatchSubscription subscription, LabelSelector labels, FieldSelector fields, bool bookmarks, DateTimeOffset? deadline, CancellationToken stop)
    {
        var nextBookmark = _state.Time.GetUtcNow() + _state.Options.BookmarkInterval;
        while (true)
        {
            var now = _state.Time.GetUtcNow();
            if (deadline is { } end && now >= end)
            {
                if (bookmarks)
                {
                    await BookmarkAsync(writer, subscription);
                }

                return;
            }

            var wake = deadline is { } d && (!bookmarks || d < nextBookmark) ? d : bookmarks ? nextBookmark : (DateTimeOffset?)null;
            using var wait = wake is { } at ? new CancellationTokenSource(Max(at - now, TimeSpan.Zero), _state.Time) : new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, wait.Token);
            bool more;
            try
            {
                more = await subscription.Live.WaitToReadAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
                if (bookmarks && _state.Time.GetUtcNow() >= nextBookmark)
                {
                    await BookmarkAsync(writer, subscription);
                    nextBookmark = _state.Time.GetUtcNow() + _state.Options.BookmarkInterval;
                }

                continue;
            }

            if (!more)
            {
                return;
            }

            await _state.Faults.WhileStalled.WaitAsync(stop);
            while (subscription.Live.TryRead(out var change))
            {
                await SendAsync(writer, change, labels, fields);
            }
        }
    }

    /// <summary>A bookmark at the newest resourceVersion, sent only when every change up to it has been written.</summary>
    private async Task BookmarkAsync(EventWriter writer, WatchSubscription subscription)
    {
        var resourceVersion = _state.Store.CurrentResourceVersion;
        if (subscription.Live.TryPeek(out _))
        {
            return;
        }

        await writer.WriteBookmarkAsync(resourceVersion);
    }

    private static Task SendAsync(EventWriter writer, StoreEvent change, LabelSelector labels, FieldSelector fields)
    {
        bool Passes(JsonObject? obj) => obj is not null && labels.Matches(obj) && fields.Matches(obj);
        var now = Passes(change.Object);
        var before = Passes(change.Previous);
        return change.Type switch
        {
            "ADDED" when now => writer.WriteObjectAsync("ADDED", change.Object),
            "MODIFIED" when now && before => writer.WriteObjectAsync("MODIFIED", change.Object),
            "MODIFIED" when now => writer.WriteObjectAsync("ADDED", change.Object),
            "MODIFIED" when before => writer.WriteObjectAsync("DELETED", WithVersion(change.Previous!, change.ResourceVersion)),
            "DELETED" when before => writer.WriteObjectAsync("DELETED", change.Object),
            _ => Task.CompletedTask,
        };
    }

    private static JsonObject WithVersion(JsonObject obj, long resourceVersion)
    {
        var copy = (JsonObject)obj.DeepClone();
        ObjectMeta.Of(copy)["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture);
        return copy;
    }

    private static string ReadIncludeObject(HttpContext context) => ResourceReads.IncludeObject(context);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Writes events; a Table watch sends column definitions with its first event only.</summary>
    private sealed class EventWriter(HttpContext context, ApiServerState state, ResourceType type, bool table, string includeObject)
    {
        private bool _headersSent;

        public Task WriteObjectAsync(string eventType, JsonObject obj)
        {
            if (!table)
            {
                return WriteAsync(eventType, obj);
            }

            var rows = state.Tables.Build(type, [obj], includeObject, !_headersSent, new JsonObject { ["resourceVersion"] = obj["metadata"]?["resourceVersion"]?.DeepClone() });
            _headersSent = true;
            return WriteAsync(eventType, rows);
        }

        public Task WriteBookmarkAsync(long resourceVersion) => WriteAsync("BOOKMARK", new JsonObject
        {
            ["kind"] = type.Kind,
            ["apiVersion"] = type.GroupVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) },
        });

        public async Task WriteAsync(string eventType, JsonObject obj)
        {
            // The store hands every watcher the same object: written beside the envelope, never parented into it
            // (a second watcher of the same event would find it already has a parent).
            var line = "{\"type\":" + JsonValue.Create(eventType).ToJsonString(GoJson.Options) + ",\"object\":" + obj.ToJsonString(GoJson.Options) + "}\n";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(line), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }
}
