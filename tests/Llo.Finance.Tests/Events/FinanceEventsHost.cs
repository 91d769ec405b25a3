using Llo.Finance.Api;
using Llo.Finance.Api.Events;
using Llo.Finance.Tests.Infrastructure;
using Llo.Hosting.Access;
using Llo.Testing;
using Microsoft.AspNetCore.Builder;

namespace Llo.Finance.Tests.Events;

/// <summary>
/// The finance service with queues of its own: every hosted finance service consumes the inventory's events, and
/// competing consumers on one shared queue would hand this class's event to another class's service.
/// </summary>
public sealed class FinanceEventsHost : ServiceTestHost
{
    public FinanceEventsHost()
        : base("finance-db") => Settings[InventoryReactions.QueuePrefixSetting] = "finance.test-" + Guid.NewGuid().ToString("N")[..8];

    protected override TestToken? DefaultToken => FinanceHost.User(TestOrganisations.One, LloRoles.ProgrammeManager);

    protected override WebApplication Build(string[] args) => FinanceApp.Build(args);
}
