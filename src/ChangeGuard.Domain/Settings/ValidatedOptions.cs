using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChangeGuard.Domain.Settings;

/// <summary>
/// The one way ChangeGuard checks its settings: each options type says what is wrong as <see cref="ValidationError"/>s
/// naming the setting, and every host stops at start-up with all of them at once, however it is hosted.
/// </summary>
public static class ValidatedOptions
{
    /// <summary>Checks these options with <paramref name="validate"/> when the host starts.</summary>
    public static OptionsBuilder<TOptions> ValidateFields<TOptions>(this OptionsBuilder<TOptions> builder, Func<TOptions, IEnumerable<ValidationError>> validate)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(validate);
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new FieldValidation<TOptions>(builder.Name, validate));
        return builder.ValidateOnStart();
    }

    /// <summary>
    /// Checks these options with <paramref name="validate"/> when the host starts, given another service they are checked
    /// against (the default policy's signals against the configured Prometheus servers, say).
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateFields<TOptions, TDependency>(
        this OptionsBuilder<TOptions> builder, Func<TOptions, TDependency, IEnumerable<ValidationError>> validate)
        where TOptions : class
        where TDependency : notnull
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(validate);
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(sp =>
        {
            var dependency = sp.GetRequiredService<TDependency>();
            return new FieldValidation<TOptions>(builder.Name, o => validate(o, dependency));
        });
        return builder.ValidateOnStart();
    }

    private sealed class FieldValidation<TOptions>(string? name, Func<TOptions, IEnumerable<ValidationError>> validate) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? optionsName, TOptions options)
        {
            if (name is not null && name != optionsName)
            {
                return ValidateOptionsResult.Skip;
            }

            var errors = validate(options).Select(e => $"{e.Field} {e.Message}").ToArray();
            return errors.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
