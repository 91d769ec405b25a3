using System.Text.Json;
using Llo.Persistence;
using Llo.Testing;

namespace Llo.Persistence.Tests;

public sealed class RowsTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    static RowsTests() => Rows.UseJsonb<List<Reading>>(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await SchemaRunner.ApplyAsync(_db.DataSource, SchemaPlan.For(typeof(RowsTests).Assembly).Scripts);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_row_round_trips_by_column_name_with_text_enums_dates_times_jsonb_and_arrays()
    {
        var gauge = new Gauge
        {
            Id = Guid.CreateVersion7(), Name = "Maassluis", Kind = GaugeKind.River, MeasuredOn = new DateOnly(2022, 3, 14),
            OpensAt = new TimeOnly(8, 30), Readings = [new("Maassluis", 1.25m)], Tags = ["rivier", "getij"], Version = 3,
            ChangedAt = new DateTimeOffset(2022, 3, 14, 8, 15, 0, TimeSpan.Zero),
        };
        await InsertAsync(gauge);

        await using var connection = await _db.DataSource.OpenConnectionAsync();
        var read = await Rows.FindAsync<Gauge>(connection, null, "SELECT * FROM gauges WHERE id = @id", new { id = gauge.Id }, default);

        Assert.NotNull(read);
        Assert.Equal(GaugeKind.River, read.Kind);
        Assert.Equal("River", await Scalar<string>("SELECT kind FROM gauges"));
        Assert.Equal(gauge.MeasuredOn, read.MeasuredOn);
        Assert.Equal(gauge.OpensAt, read.OpensAt);
        Assert.Equal(gauge.Readings, read.Readings);
        Assert.Equal(gauge.Tags, read.Tags);
        Assert.Equal(gauge.ChangedAt, read.ChangedAt);
        Assert.Equal(TimeSpan.Zero, read.ChangedAt.Offset);
    }

    private sealed record GaugeSummary(Guid Id, string Name, GaugeKind Kind, DateOnly? MeasuredOn, long Version, DateTimeOffset ChangedAt);

    [Fact]
    public async Task A_record_is_filled_through_its_constructor_when_the_columns_come_in_its_order()
    {
        var gauge = new Gauge { Id = Guid.CreateVersion7(), Name = "Schiedam", Kind = GaugeKind.Tide, MeasuredOn = new DateOnly(2023, 1, 2), Version = 2, ChangedAt = new DateTimeOffset(2023, 1, 2, 10, 0, 0, TimeSpan.Zero) };
        await InsertAsync(gauge);
        await using var connection = await _db.DataSource.OpenConnectionAsync();

        var read = await Rows.FindAsync<GaugeSummary>(connection, null,
            "SELECT id, name, kind, measured_on, version, changed_at FROM gauges WHERE id = @id", new { id = gauge.Id }, default);

        Assert.Equal(new GaugeSummary(gauge.Id, "Schiedam", GaugeKind.Tide, gauge.MeasuredOn, 2, gauge.ChangedAt), read);
    }

    [Fact]
    public async Task A_missing_row_is_null_and_a_null_date_stays_null()
    {
        var gauge = new Gauge { Id = Guid.CreateVersion7(), Name = "Vlaardingen", Kind = GaugeKind.Tide, ChangedAt = DateTimeOffset.UtcNow };
        await InsertAsync(gauge);
        await using var connection = await _db.DataSource.OpenConnectionAsync();

        Assert.Null(await Rows.FindAsync<Gauge>(connection, null, "SELECT * FROM gauges WHERE id = @id", new { id = Guid.NewGuid() }, default));
        Assert.Null((await Rows.FindAsync<Gauge>(connection, null, "SELECT * FROM gauges WHERE id = @id", new { id = gauge.Id }, default))!.MeasuredOn);
    }

    [Fact]
    public async Task A_list_pages_in_order_with_the_total_also_past_the_end()
    {
        for (var i = 0; i < 7; i++)
        {
            await InsertAsync(new Gauge { Id = Guid.CreateVersion7(), Name = $"g{i}", Kind = i % 2 == 0 ? GaugeKind.Tide : GaugeKind.River, ChangedAt = DateTimeOffset.UtcNow });
        }

        await using var connection = await _db.DataSource.OpenConnectionAsync();
        ListQuery Tides() => new ListQuery("gauges g").Filter("g.kind = @kind", "kind", nameof(GaugeKind.Tide));

        var first = await Tides().PageAsync<Gauge>(connection, "g.*", "g.name, g.id", 0, 3, default);
        var second = await Tides().PageAsync<Gauge>(connection, "g.*", "g.name, g.id", 3, 3, default);
        var past = await Tides().PageAsync<Gauge>(connection, "g.*", "g.name, g.id", 10, 3, default);
        var all = await new ListQuery("gauges g").PageAsync<Gauge>(connection, "g.*", "g.name, g.id", 0, 100, default);

        Assert.Equal(["g0", "g2", "g4"], first.Rows.Select(g => g.Name));
        Assert.Equal(["g6"], second.Rows.Select(g => g.Name));
        Assert.Equal([4, 4, 4], new[] { first.Total, second.Total, past.Total });
        Assert.Empty(past.Rows);
        Assert.Equal(7, all.Total);
        Assert.Equal(7, all.Rows.Count);
    }

    private async Task InsertAsync(Gauge gauge)
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await Rows.ExecuteAsync(tx, """
            INSERT INTO gauges (id, name, kind, measured_on, opens_at, readings, tags, version, changed_at)
            VALUES (@Id, @Name, @Kind, @MeasuredOn, @OpensAt, @Readings, @Tags, @Version, @ChangedAt)
            """, new { gauge.Id, gauge.Name, Kind = gauge.Kind.ToString(), gauge.MeasuredOn, gauge.OpensAt, gauge.Readings, gauge.Tags, gauge.Version, gauge.ChangedAt }, default);
        await tx.CommitAsync();
    }

    private async Task<T> Scalar<T>(string sql)
    {
        await using var connection = await _db.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
