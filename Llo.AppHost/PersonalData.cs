namespace Llo.AppHost;

/// <summary>Marks a Llo service that holds personal data: it must answer identity's export and erasure requests.</summary>
public sealed record PersonalDataAnnotation : IResourceAnnotation;

public static class PersonalData
{
    /// <summary>
    /// Declares that the service holds personal data (and so implements IPersonalDataOwner of Llo.Messaging): identity
    /// then expects its answer to every export and erasure request.
    /// </summary>
    public static IResourceBuilder<ProjectResource> HoldsPersonalData(this IResourceBuilder<ProjectResource> service) =>
        service.WithAnnotation(new PersonalDataAnnotation());

    /// <summary>
    /// Tells identity which services must answer privacy requests (<c>Llo__Privacy__Services__N</c>): every declared
    /// service marked with <see cref="HoldsPersonalData"/>, read when the app starts, so services declared after
    /// identity count too. A service without personal data (finance) is not waited for.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPrivacyServices(this IResourceBuilder<ProjectResource> identity) =>
        identity.WithEnvironment(context =>
        {
            var holders = LloServices.Declared(identity.ApplicationBuilder.Resources)
                .Where(service => service != identity.Resource && service.Annotations.OfType<PersonalDataAnnotation>().Any())
                .ToList();
            for (var index = 0; index < holders.Count; index++)
            {
                context.EnvironmentVariables[$"Llo__Privacy__Services__{index}"] = holders[index].Name;
            }
        });
}
