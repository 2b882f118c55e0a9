using System.Net;
using System.Text;
using RightSizer.Recommender.History;
using RightSizer.Recommender.Prometheus;

namespace RightSizer.Recommender.Tests.Prometheus;

public sealed class PrometheusAnswerTests
{
    private const string Query = "up";

    private const string Matrix = """{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"pod":"a"},"values":[[1,"5"],[2,"6"]]}]}}""";

    private static readonly TestCaseData[] Failures =
    [
        new TestCaseData(Ok("<html><body>Grafana login</body></html>", "text/html"), "Prometheus answered HTTP 200 with an HTML page, not the Prometheus API", false)
            .SetName("Read_HtmlAnswerSaidOnlyHttp200_SaysHtml"),
        new TestCaseData(Ok("<!doctype html><title>x</title>", "application/json"), "Prometheus answered HTTP 200 with an HTML page", false)
            .SetName("Read_HtmlWithJsonContentType_SaysHtml"),
        new TestCaseData(Ok(Matrix[..70]), "Prometheus answered HTTP 200 with a truncated JSON body (70 bytes", false)
            .SetName("Read_TruncatedAnswerSaidOnlyHttp200_SaysTruncated"),
        new TestCaseData(Ok(""), "Prometheus answered HTTP 200 with an empty body", false)
            .SetName("Read_EmptyBody_SaysEmpty"),
        new TestCaseData(Ok("pong"), "Prometheus answered HTTP 200 with a body that is not JSON (starts with 'pong')", false)
            .SetName("Read_PlainText_SaysNotJson"),
        new TestCaseData(Ok("""{"status":"success","data":{"resultType":"scalar","result":[1,"2"]}}"""), "Prometheus answered resultType 'scalar' where 'matrix' was expected", false)
            .SetName("Read_WrongResultType_SaysWhichAndWhichExpected"),
        new TestCaseData(Ok("""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"lots"]]}]}}"""), "sample value 'lots' is not a number", false)
            .SetName("Read_UnparsableValue_SaysWhichValue"),
        new TestCaseData(Ok("""{"status":"success"}"""), "Prometheus answered HTTP 200 with success without data", false)
            .SetName("Read_SuccessWithoutData_SaysSo"),
        new TestCaseData(Answer(HttpStatusCode.InternalServerError, """{"status":"error","errorType":"internal","error":"boom"}"""), "Prometheus query failed (HTTP 500): internal: boom; query: up", true)
            .SetName("Read_SingleInternalErrorReportedAfterRetries_NotSaidToBeRetried"),
        new TestCaseData(Answer(HttpStatusCode.ServiceUnavailable, "", retried: true), "Prometheus query failed (HTTP 503, after retries): HTTP 503 Service Unavailable", true)
            .SetName("Read_RetriedStatus_SaidToBeRetried"),
        new TestCaseData(Answer(HttpStatusCode.BadRequest, """{"status":"error","errorType":"bad_data","error":"parse error"}"""), "Prometheus query failed (HTTP 400): bad_data: parse error", false)
            .SetName("Read_BadData_InputError"),
        new TestCaseData(
                new PrometheusHttpAnswer(HttpStatusCode.Found, "Found", null, new Uri("https://sso.example/login"), [], Retried: false),
                "Prometheus answered HTTP 302 Found, a redirect to https://sso.example/login: give the URL it points to (following it would turn the POST query into a GET)",
                false)
            .SetName("Read_RedirectTurnedPostIntoGetAndBlamedTheQuery_SaysRedirect"),
    ];

    [TestCaseSource(nameof(Failures))]
    public void Read_BadAnswer_SaysWhatWasWrong(PrometheusHttpAnswer answer, string expected, bool unreachable)
    {
        var error = Assert.Throws<HistorySourceException>(() => PrometheusAnswer.Read(answer, "matrix", Query));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain(expected).And.EndWith("; query: up"));
            Assert.That(error.Message, Does.Not.Contain("System.").And.Not.Contain("LineNumber"));
            Assert.That(error.Unreachable, Is.EqualTo(unreachable));
        });
    }

    [Test]
    public void Read_Matrix_DataAndWarnings()
    {
        var body = Matrix[..^1] + ""","warnings":["too many samples"]}""";

        var response = PrometheusAnswer.Read(Ok(body), "matrix", Query);

        Assert.Multiple(() =>
        {
            Assert.That(response.Data!.Result.Single().Values.Select(p => p.Value), Is.EqualTo(new[] { 5.0, 6.0 }));
            Assert.That(response.Warnings, Is.EqualTo(new[] { "too many samples" }));
        });
    }

    private static PrometheusHttpAnswer Ok(string body, string mediaType = "application/json") =>
        new(HttpStatusCode.OK, "OK", mediaType, null, Encoding.UTF8.GetBytes(body), Retried: false);

    private static PrometheusHttpAnswer Answer(HttpStatusCode status, string body, bool retried = false) =>
        new(status, status == HttpStatusCode.ServiceUnavailable ? "Service Unavailable" : status.ToString(), "application/json", null, Encoding.UTF8.GetBytes(body), retried);
}
