namespace RtesPlatform.Core.Features.Tenants;

/// <summary>SIREN: the 9-digit identifier of a French legal entity, whose last digit is a Luhn key.</summary>
public static class Siren
{
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 9 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var digit = value[8 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
