using Google.Rpc;
using Grpc.Core;

namespace Llo.Inventory.Tests.Infrastructure;

public static class Assertions
{
    /// <summary>The field names of the google.rpc.BadRequest in an InvalidArgument.</summary>
    public static IReadOnlyList<string> FieldViolations(RpcException ex)
    {
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var badRequest = ex.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        return badRequest.FieldViolations.Select(v => v.Field).ToList();
    }

    public static async Task<long> CountAsync(this InventoryHost host, string sql)
    {
        await using var command = host.Database.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
