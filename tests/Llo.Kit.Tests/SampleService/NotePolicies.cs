using Llo.Hosting.Access;

namespace Llo.Kit.Tests.SampleService;

/// <summary>The sample's one policy: reading notes is anonymous, writing them is for the programme manager or a partner system with the scope.</summary>
public static class NotePolicies
{
    public const string Write = "notes.write";

    public const string WriteScope = "kitsample.write";

    public static readonly string[] Writers = [LloRoles.ProgrammeManager];
}
