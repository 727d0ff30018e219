using ChangeGuard.Functions;
using ChangeGuard.Functions.Http;
using ChangeGuard.Functions.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<BrowserRequestMiddleware>();
builder.Services.AddChangeGuardFunctions(builder.Configuration);
builder.Services.AddChangeGuardTelemetry(builder.Configuration);
builder.Build().Run();
