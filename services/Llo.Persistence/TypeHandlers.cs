using System.Data;
using System.Text.Json;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Llo.Persistence;

// Npgsql hands a plain GetValue() of date, time and timestamptz out as DateTime / TimeSpan / UTC DateTime; these
// handlers give rows the types the code uses (DESIGN.md: dates are DateOnly, instants UTC DateTimeOffset).

internal sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
{
    public override DateOnly Parse(object value) => value is DateOnly d ? d : DateOnly.FromDateTime((DateTime)value);

    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        ((NpgsqlParameter)parameter).NpgsqlDbType = NpgsqlDbType.Date;
        parameter.Value = value;
    }
}

internal sealed class TimeOnlyHandler : SqlMapper.TypeHandler<TimeOnly>
{
    public override TimeOnly Parse(object value) => value is TimeOnly t ? t : TimeOnly.FromTimeSpan((TimeSpan)value);

    public override void SetValue(IDbDataParameter parameter, TimeOnly value)
    {
        ((NpgsqlParameter)parameter).NpgsqlDbType = NpgsqlDbType.Time;
        parameter.Value = value;
    }
}

internal sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset instant => instant,
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as an instant."),
    };

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        ((NpgsqlParameter)parameter).NpgsqlDbType = NpgsqlDbType.TimestampTz;
        parameter.Value = value.ToUniversalTime();
    }
}

/// <summary>A <c>jsonb</c> column read into, and written from, <typeparamref name="T"/>.</summary>
internal sealed class JsonbHandler<T>(JsonSerializerOptions options) : SqlMapper.TypeHandler<T>
{
    public override T? Parse(object value) => JsonSerializer.Deserialize<T>((string)value, options);

    public override void SetValue(IDbDataParameter parameter, T? value)
    {
        ((NpgsqlParameter)parameter).NpgsqlDbType = NpgsqlDbType.Jsonb;
        parameter.Value = value is null ? DBNull.Value : JsonSerializer.Serialize(value, options);
    }
}
