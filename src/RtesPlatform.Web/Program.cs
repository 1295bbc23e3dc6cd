using RtesPlatform.Web.Infrastructure;

var commandLine = AppCommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(commandLine.ConfigurationArgs);
builder.AddRtesWeb();

var app = builder.Build();
if (commandLine.Command != AppCommand.Serve)
{
    return await AppCommands.RunAsync(app, commandLine);
}

await AppCommands.PrepareToServeAsync(app, commandLine);
app.UseRtesWeb();
await app.RunAsync();
return 0;

/// <summary>The web host's entry point; public so that integration tests can start it.</summary>
public partial class Program;
