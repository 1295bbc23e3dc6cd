using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace RtesPlatform.Web.Infrastructure.Security;

/// <summary>
/// A form body the server cannot read (beyond the form limits, invalid percent-encoding or NUL
/// characters, an unsupported charset such as UTF-7, a multipart body without boundary or cut
/// short) is the client's error: 400 (413 when too large), rendered by the French error page,
/// instead of an unhandled exception. Whoever reads the form (antiforgery, rate limiting, model
/// binding) reads it through <see cref="GuardedFormFeature"/>; the failure is answered here, before
/// any handler ran, so nothing is half-stored. The form read is also where every field loses its
/// <see cref="ControlCharacters"/> (NUL, C0 and C1 controls, lone surrogates; tab and line breaks
/// stay): no handler, binder or query ever sees one, and what the person typed is otherwise kept.
/// </summary>
public static class MalformedFormGuard
{
    public static IApplicationBuilder UseRtesMalformedFormGuard(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            // Creates the request's form feature (lazily made otherwise) so that it can be wrapped.
            if (context.Request.HasFormContentType && context.Features.Get<IFormFeature>() is { } inner and not GuardedFormFeature)
            {
                context.Features.Set<IFormFeature>(new GuardedFormFeature(inner));
            }

            try
            {
                await next(context);
            }
            catch (Exception exception) when (!context.Response.HasStarted && FormReadStatus(exception) is { } status)
            {
                context.Response.Clear();
                context.Response.StatusCode = status;
                // The error page is rendered by re-executing the request: it must not read the body again.
                context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            }
        });
        return app;
    }

    /// <summary>
    /// The status for a failure to read the form: through the guarded feature, or through a form
    /// feature that an endpoint's own limits (<c>[RequestFormLimits]</c>) put in its place.
    /// </summary>
    private static int? FormReadStatus(Exception exception) => exception switch
    {
        MalformedFormException malformed => malformed.StatusCode,
        _ when exception.StackTrace?.Contains("Microsoft.AspNetCore.Http.Features.FormFeature.", StringComparison.Ordinal) == true
            => GuardedFormFeature.StatusOf(exception),
        _ => null,
    };

    /// <summary>Thrown by <see cref="GuardedFormFeature"/> when the body is not a readable form.</summary>
    public sealed class MalformedFormException(int statusCode, Exception inner) : Exception("The request's form could not be read.", inner)
    {
        public int StatusCode { get; } = statusCode;
    }

    /// <summary>The request's form feature, whose read failures become <see cref="MalformedFormException"/>.</summary>
    private sealed class GuardedFormFeature(IFormFeature inner) : IFormFeature
    {
        public bool HasFormContentType => inner.HasFormContentType;

        public IFormCollection? Form
        {
            get => inner.Form;
            set => inner.Form = value;
        }

        public IFormCollection ReadForm()
        {
            try
            {
                return Cleaned(inner.ReadForm());
            }
            catch (Exception exception) when (StatusOf(exception) is { } status)
            {
                throw new MalformedFormException(status, exception);
            }
        }

        public async Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken)
        {
            try
            {
                return Cleaned(await inner.ReadFormAsync(cancellationToken));
            }
            catch (Exception exception) when (StatusOf(exception) is { } status)
            {
                throw new MalformedFormException(status, exception);
            }
        }

        /// <summary>The form without control characters in its keys and values; kept as the request's form.</summary>
        private IFormCollection Cleaned(IFormCollection form)
        {
            if (!form.Any(field => ControlCharacters.Contains(field.Key, allowLineBreaks: false)
                    || field.Value.Any(value => ControlCharacters.Contains(value, allowLineBreaks: true))))
            {
                return form;
            }

            var fields = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, values) in form)
            {
                var cleanKey = ControlCharacters.Strip(key, keepLineBreaks: false);
                var cleanValues = values.Select(v => v is null ? v : ControlCharacters.Strip(v, keepLineBreaks: true)).ToArray();
                fields[cleanKey] = fields.TryGetValue(cleanKey, out var existing)
                    ? Microsoft.Extensions.Primitives.StringValues.Concat(existing, cleanValues)
                    : new Microsoft.Extensions.Primitives.StringValues(cleanValues);
            }

            var cleaned = new FormCollection(fields, form.Files);
            inner.Form = cleaned;
            return cleaned;
        }

        /// <summary>The status of a read failure that is the client's doing; null for anything else.</summary>
        public static int? StatusOf(Exception exception) => exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException or DecoderFallbackException or NotSupportedException => StatusCodes.Status400BadRequest,
            IOException => StatusCodes.Status400BadRequest,
            _ => null,
        };
    }
}
