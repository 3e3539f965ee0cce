using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace Polytraders.Conformance;

/// <summary>The results as JUnit XML (what CI systems read) and as JSON.</summary>
public static class SuiteReports
{
    public static void WriteJunit(SuiteResult result, string path)
    {
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", "conformance"),
            new XAttribute("tests", result.Cases.Count),
            new XAttribute("failures", result.Failed),
            new XAttribute("time", Seconds(result.Duration)),
            result.Cases.Select(c => new XElement(
                "testcase",
                new XAttribute("classname", "conformance"),
                new XAttribute("name", c.Name),
                new XAttribute("time", Seconds(c.Duration)),
                c.Passed ? null : new XElement("failure", new XAttribute("message", c.Failure!), c.Description))));
        new XDocument(new XElement("testsuites", suite)).Save(path);
    }

    public static void WriteJson(SuiteResult result, string path)
    {
        var document = new
        {
            passed = result.Passed,
            failed = result.Failed,
            seconds = result.Duration.TotalSeconds,
            cases = result.Cases.Select(c => new { name = c.Name, passed = c.Passed, failure = c.Failure, seconds = c.Duration.TotalSeconds, description = c.Description }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
