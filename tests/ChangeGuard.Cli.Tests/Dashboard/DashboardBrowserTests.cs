using System.Diagnostics;
using ChangeGuard.Cli.Tests.Serve;
using ChangeGuard.Simulator.Scenarios;
using ChangeGuard.Testing;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Http;
using ChangeGuard.Testing.Processes;
using ChangeGuard.Testing.Requirements;
using Microsoft.Playwright;

namespace ChangeGuard.Cli.Tests.Dashboard;

/// <summary><c>serve</c>'s dashboard in a real Chromium: the watches, a watch's decisions, and an abort from the page.</summary>
[RequiresChromium]
public sealed class DashboardBrowserTests
{
    /// <summary>Set to write docs/images/dashboard.png, the README's screenshot, from this test.</summary>
    private const string ScreenshotVariable = "CHANGEGUARD_UPDATE_SCREENSHOTS";

    private static Scenario LongRunning() => new ScenarioBuilder()
        .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with { Batches = [ChangeOrders.Batch(2, 36_000)] }))
        .Build();

    private static async Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumBrowser.Locate(),
            Headless = true,
            Args = ["--no-sandbox"],
        });

    [ConditionalFact]
    public async Task Dashboard_RunningWatch_ShowsItsDecisionsAndAbortsFromThePage()
    {
        // Arrange
        await using var host = await ServeHttpHost.StartAsync(LongRunning());
        Assert.Equal(202, (await host.SendAsync(HttpMethod.Post, "/api/watches", WatchHttpContract.StartBody)).Status);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 800 } });

        // Act
        await page.GotoAsync(host.Address.ToString());
        await page.Locator("#watches tbody tr", new PageLocatorOptions { HasText = "co-1" }).ClickAsync();
        await page.Locator("#timeline li").First.WaitForAsync();
        await page.Locator("figure.chart circle").First.WaitForAsync();
        if (Environment.GetEnvironmentVariable(ScreenshotVariable) == "1" && RepositoryFiles.Root() is { } root)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(root, "docs", "images", "dashboard.png") });
        }

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.FillAsync("#reason", "seen on the dashboard");
        await page.ClickAsync("#abort");
        var deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        while (host.Simulator.Simulator.Log.Read("AbortChangeOrder").Count == 0 && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100);
        }

        // Assert
        Assert.Contains("poll 1", await page.Locator("#timeline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Abort requested.", await page.Locator("#action-result").InnerTextAsync());
        Assert.NotEmpty(host.Simulator.Simulator.Log.Read("AbortChangeOrder"));
    }

    [ConditionalFact]
    public async Task Dashboard_WatchThatPolled_ChartsEachJudgedValueAgainstItsThreshold()
    {
        // Arrange
        await using var host = await ServeHttpHost.StartAsync(LongRunning());
        Assert.Equal(202, (await host.SendAsync(HttpMethod.Post, "/api/watches", WatchHttpContract.StartBody)).Status);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        // Act
        await page.GotoAsync(new Uri(host.Address, "dashboard/?watch=co-1").ToString());
        var ratio = page.Locator("figure.chart[data-measure=unavailableRatio]");
        await ratio.Locator("circle").Nth(1).WaitForAsync();

        // Assert
        Assert.Contains("threshold ≤ 0.25", await ratio.Locator("figcaption").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await ratio.Locator("line.threshold").CountAsync());
        Assert.Equal(0, await ratio.Locator("circle.breach").CountAsync());
        Assert.Equal(1, await page.Locator("figure.chart[data-measure=restarts]").CountAsync());
    }

    [ConditionalFact]
    public async Task Dashboard_PromotingWatch_ListsEachBatchItConfirmed()
    {
        // Arrange: a manual release of three batches, each confirmed by the watch after a one-second bake.
        var manual = new ScenarioBuilder()
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with
            {
                BatchType = BatchMode.Manual,
                Batches = [ChangeOrders.Batch(durationSeconds: 1), ChangeOrders.Batch(durationSeconds: 1), ChangeOrders.Batch(durationSeconds: 600)],
            }))
            .Build();
        await using var host = await ServeHttpHost.StartAsync(manual);
        const string body = """{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","policy":{"pollInterval":"1s","timeout":"10m","promote":{"bakeTime":"1s","minHealthyPolls":1}}}""";
        Assert.Equal(202, (await host.SendAsync(HttpMethod.Post, "/api/watches", body)).Status);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();

        // Act
        await page.GotoAsync(new Uri(host.Address, "dashboard/?watch=co-1").ToString());
        var promotions = page.Locator("#promotions li.promotion-confirmed");
        await promotions.Nth(1).WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });

        // Assert
        Assert.Equal(
            ["batch 2 of 3: confirmed by ChangeGuard", "batch 3 of 3: confirmed by ChangeGuard"],
            (await promotions.AllInnerTextsAsync()).Select(text => text[(text.IndexOf(" batch", StringComparison.Ordinal) + 1)..]));
    }

    [ConditionalFact]
    public async Task Dashboard_PromoteButton_ConfirmsTheBatchTheReleaseWaitsFor()
    {
        // Arrange: a manual release whose first batch ends after a second; the watch does not promote by itself.
        var manual = new ScenarioBuilder()
            .WithApp("app-1", a => a.WithChangeOrder("co-1", o => o with
            {
                BatchType = BatchMode.Manual,
                Batches = [ChangeOrders.Batch(durationSeconds: 1), ChangeOrders.Batch(durationSeconds: 600)],
            }))
            .Build();
        await using var host = await ServeHttpHost.StartAsync(manual);
        Assert.Equal(202, (await host.SendAsync(HttpMethod.Post, "/api/watches", WatchHttpContract.StartBody)).Status);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(host.Address, "dashboard/?watch=co-1").ToString());
        await page.Locator("#timeline li", new PageLocatorOptions { HasText = "poll 2" }).First.WaitForAsync();

        // Act
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.ClickAsync("#promote");
        var confirmed = page.Locator("#promotions li.promotion-confirmed");
        await confirmed.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        // Assert
        Assert.Equal("Promotion requested.", await page.Locator("#action-result").InnerTextAsync());
        Assert.EndsWith("batch 2 of 2: confirmed by ChangeGuard", await confirmed.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Single(host.Simulator.Simulator.World.Confirmations("co-1"));
    }

    [ConditionalFact]
    public async Task Dashboard_PageFromAnotherSite_CannotAbort()
    {
        // Arrange: a page on another origin posts to the API, as a malicious site open in the same browser would
        await using var host = await ServeHttpHost.StartAsync(LongRunning());
        Assert.Equal(202, (await host.SendAsync(HttpMethod.Post, "/api/watches", WatchHttpContract.StartBody)).Status);
        await using var evil = await ServeHttpHost.StartAsync(new ScenarioBuilder().WithApp("app-2").Build());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(evil.Address, "healthz").ToString());

        // Act
        await page.EvaluateAsync(
            "url => fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: '{\"reason\":\"pwned\"}' }).catch(() => null)",
            new Uri(host.Address, "api/watches/co-1/abort").ToString());
        await Task.Delay(1000);

        // Assert
        Assert.Empty(host.Simulator.Simulator.Log.Read("AbortChangeOrder"));
    }
}
