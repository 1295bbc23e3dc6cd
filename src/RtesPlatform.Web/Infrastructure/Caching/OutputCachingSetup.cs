using Microsoft.AspNetCore.OutputCaching;

namespace RtesPlatform.Web.Infrastructure.Caching;

/// <summary>
/// Output caching of public pages and public API reads, in each instance's memory, evicted on every
/// instance when the public data changes (PostgreSQL LISTEN/NOTIFY; docs/adr/0006). Configuration
/// section <c>OutputCaching</c> (<see cref="OutputCachingOptions"/>).
/// </summary>
public static class OutputCachingSetup
{
    public static WebApplicationBuilder AddRtesOutputCaching(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<OutputCachingOptions>()
            .BindConfiguration(OutputCachingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddTransient<IStartupFilter, CacheControlStartupFilter>();
        if (!IsEnabled(builder.Configuration, builder.Environment))
        {
            return builder;
        }

        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IServiceProvider>((options, provider) =>
        {
            var settings = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutputCachingOptions>>().Value;
            options.MaximumBodySize = settings.MaximumBodySize;
            options.SizeLimit = settings.SizeLimit;
            options.DefaultExpirationTimeSpan = settings.MaxAge;
            options.AddBasePolicy(provider.GetRequiredService<PublicReadCachePolicy>());
        });

        // The framework's store (memory), wrapped so that a response rendered before an eviction
        // is not stored after it.
        var framework = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(framework);
        services.AddSingleton<IOutputCacheStore>(provider =>
            new GenerationalOutputCacheStore(CreateFrameworkStore(framework, provider), provider.GetRequiredService<PublicCacheState>()));

        services.AddSingleton<PublicCacheState>();
        services.AddSingleton<PublicReadCachePolicy>();
        services.AddSingleton<PublicCacheInvalidator>();
        services.AddHostedService<PublicChangeListener>();
        return builder;
    }

    /// <summary>After authentication and authorization: a signed-in request is recognised, and never served from the cache.</summary>
    public static WebApplication UseRtesOutputCaching(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (IsEnabled(app.Configuration, app.Environment))
        {
            app.UseOutputCache();
        }

        return app;
    }

    /// <summary>
    /// On unless configured off; off by default in the "Testing" environment only, whose tests
    /// write to the database behind the application's back and read the result at once (a
    /// notification takes a moment): the caching tests and the multi-instance test turn it on.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        return configuration.GetSection(OutputCachingOptions.SectionName).GetValue<bool?>(nameof(OutputCachingOptions.Enabled))
            ?? !environment.IsEnvironment("Testing");
    }

    private static IOutputCacheStore CreateFrameworkStore(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (IOutputCacheStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
