using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RtesPlatform.Core.Features.Email;

public static class EmailServices
{
    /// <summary>SMTP when <c>Email:Smtp:Host</c> is set, otherwise .eml files in the pickup directory.</summary>
    public static IServiceCollection AddRtesEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (string.IsNullOrWhiteSpace(configuration[$"{EmailOptions.SectionName}:Smtp:Host"]))
        {
            services.AddSingleton<IMailTransport, PickupDirectoryMailTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }

        services.AddSingleton<IMailer, ReliableMailer>();
        return services;
    }
}
