using System.Collections;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Llo.Contracts.Inventory.V1;
using Llo.Inventory.Api.Validation;
using Llo.Inventory.Tests.Infrastructure;

namespace Llo.Inventory.Tests.Validation;

/// <summary>
/// Generated from the contract: every repeated field of every request message of the inventory has a declared bound,
/// and a request one item over it is refused with 400 naming the field and the limit, before anything is looked up.
/// A new list in a proto fails here until it is bounded.
/// </summary>
public sealed class ListBoundTests(InventoryHost host) : IClassFixture<InventoryHost>, IAsyncLifetime
{
    private string _projectId = "";
    private string _agendaItemId = "";

    private static IReadOnlyList<MethodDescriptor> Methods { get; } = typeof(ProjectService).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal))
        .Select(t => t.GetProperty("Descriptor")?.GetValue(null))
        .OfType<FileDescriptor>()
        .Where(f => f.Package == "llo.inventory.v1")
        .SelectMany(f => f.Services)
        .SelectMany(s => s.Methods)
        .ToList();

    /// <summary>Every (method, path from its request to a repeated field) the contract has.</summary>
    public static TheoryData<string, string> ListsPerMethod()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in Methods)
        {
            foreach (var path in RepeatedPaths(method.InputType, []))
            {
                data.Add(method.FullName, string.Join('/', path.Select(f => f.FullName)));
            }
        }

        return data;
    }

    private static IEnumerable<List<FieldDescriptor>> RepeatedPaths(MessageDescriptor message, List<FieldDescriptor> above)
    {
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var path = above.Append(field).ToList();
            if (field.IsRepeated)
            {
                yield return path;
            }
            else if (field.FieldType == FieldType.Message && !field.MessageType.File.Package.StartsWith("google.", StringComparison.Ordinal))
            {
                foreach (var deeper in RepeatedPaths(field.MessageType, path))
                {
                    yield return deeper;
                }
            }
        }
    }

    public async Task InitializeAsync()
    {
        _projectId = (await new ProjectService.ProjectServiceClient(host.Grpc)
            .CreateProjectAsync(new CreateProjectRequest { Project = Drafts.Valid("Lijstgrenzen project") })).Project.Id;
        _agendaItemId = (await new AgendaService.AgendaServiceClient(host.Grpc).CreateAgendaItemAsync(new CreateAgendaItemRequest
        {
            Item = new AgendaItemFields
            {
                Title = "Lijstgrenzen", Date = "2023-05-01", StartTime = "10:00", EndTime = "11:00", Place = "Schiedam", Organiser = "Riverboard",
            },
        })).Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Every_repeated_field_of_every_request_message_has_a_declared_bound()
    {
        Assert.NotEmpty(Methods);
        var unbounded = ListBound.Unbounded(Methods.Select(m => m.InputType), InventoryLists.All);

        Assert.True(unbounded.Count == 0, "Without a bound: " + string.Join(", ", unbounded.Select(f => f.FullName)));
    }

    [Theory]
    [MemberData(nameof(ListsPerMethod))]
    public async Task A_list_one_over_its_bound_is_refused_naming_the_field_and_the_limit(string methodName, string fieldPath)
    {
        var method = Methods.Single(m => m.FullName == methodName);
        var path = fieldPath.Split('/').Select(name => FindField(method.InputType, name)).ToList();
        var bound = InventoryLists.All.Single(b => b.Field == path[^1]);
        var request = Request(method, path, bound.Max + 1);

        var refused = await Assert.ThrowsAsync<RpcException>(() => CallAsync(method, request));

        Assert.True(refused.StatusCode == StatusCode.InvalidArgument, $"{refused.StatusCode}: {refused.Status.Detail}");
        var jsonPath = string.Join('.', path.Select(f => f.JsonName));
        var violations = refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations;
        var violation = Assert.Single(violations, v => v.Field == jsonPath);
        Assert.Contains($"Hoogstens {bound.Max.ToString(CultureInfo.InvariantCulture)} ", violation.Description);
        Assert.DoesNotContain(violations, v => v.Field.StartsWith(jsonPath + "[", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ten_thousand_municipalities_over_JSON_are_a_400_naming_the_field_and_store_nothing()
    {
        var before = await host.CountAsync("SELECT count(*) FROM projects");
        var project = new Dictionary<string, object>
        {
            ["title"] = "Tienduizend gemeenten",
            ["status"] = "PROJECT_STATUS_IDEA",
            ["municipalities"] = Enumerable.Repeat("Schiedam", 10_000).ToArray(),
        };

        var response = await host.Json.PostAsJsonAsync("/api/inventory/v1/projects", project);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["project.municipalities"], await ApiErrors.JsonFieldsAsync(response));
        Assert.Equal(before, await host.CountAsync("SELECT count(*) FROM projects"));
    }

    private static FieldDescriptor FindField(MessageDescriptor root, string fullName) =>
        Walk(root).First(f => f.FullName == fullName);

    private static IEnumerable<FieldDescriptor> Walk(MessageDescriptor message) =>
        message.Fields.InFieldNumberOrder().SelectMany(f =>
            f.FieldType == FieldType.Message && !f.IsRepeated && !f.MessageType.File.Package.StartsWith("google.", StringComparison.Ordinal)
                ? Walk(f.MessageType).Prepend(f)
                : [f]);

    /// <summary>The method's request with <paramref name="count"/> items in the list at the end of <paramref name="path"/> and real ids where it names one.</summary>
    private IMessage Request(MethodDescriptor method, List<FieldDescriptor> path, int count)
    {
        var request = method.InputType.Parser.ParseFrom(ByteString.Empty);
        var id = method.Service.Name == nameof(AgendaService) ? _agendaItemId : _projectId;
        foreach (var field in method.InputType.Fields.InFieldNumberOrder())
        {
            switch (field.Name)
            {
                case "id": field.Accessor.SetValue(request, id); break;
                case "project_id": field.Accessor.SetValue(request, _projectId); break;
                case "version": field.Accessor.SetValue(request, 1L); break;
            }
        }

        var parent = request;
        foreach (var field in path.SkipLast(1))
        {
            var child = (IMessage?)field.Accessor.GetValue(parent) ?? field.MessageType.Parser.ParseFrom(ByteString.Empty);
            field.Accessor.SetValue(parent, child);
            parent = child;
        }

        var list = (IList)path[^1].Accessor.GetValue(parent);
        for (var i = 0; i < count; i++)
        {
            list.Add(Item(path[^1]));
        }

        return request;
    }

    private static object Item(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => field.Name == "update_mask" ? "title" : "Schiedam",
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, 1),
        FieldType.Message => field.MessageType.Parser.ParseFrom(ByteString.Empty),
        _ => throw new NotSupportedException($"A list of {field.FieldType} ({field.FullName}): add an item for it here."),
    };

    private Task<IMessage> CallAsync(MethodDescriptor method, IMessage request)
    {
        var call = new Method<IMessage, IMessage>(MethodType.Unary, method.Service.FullName, method.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), method.InputType.Parser.ParseFrom),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), method.OutputType.Parser.ParseFrom));
        return host.Grpc.CreateCallInvoker().AsyncUnaryCall(call, null, new CallOptions(), request).ResponseAsync;
    }
}
