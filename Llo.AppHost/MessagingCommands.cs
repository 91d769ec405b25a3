namespace Llo.AppHost;

/// <summary>
/// Dashboard commands for a service's dead-letter queues, served by the messaging block on the service's own "http"
/// endpoint (the gateway forwards only /api/…): count them, and move them back for another try. Messages that were
/// already handled have no second effect (the service's inbox recognises them). <c>./llo redrive SERVICE</c> does the same.
/// </summary>
internal static class MessagingCommands
{
    public static IResourceBuilder<ProjectResource> WithDeadLetterCommands(this IResourceBuilder<ProjectResource> service) =>
        service
            .WithHttpCommand("/admin/messaging/dead-letters", "Dode berichten tellen", endpointName: "http", commandName: "count-dead-letters",
                commandOptions: new HttpCommandOptions
                {
                    Method = HttpMethod.Get,
                    ResultMode = HttpCommandResultMode.Json,
                    Description = "Toont per wachtrij hoeveel berichten na hun laatste poging in de dode-berichtenwachtrij staan.",
                    IconName = "MailWarning",
                })
            .WithHttpCommand("/admin/messaging/dead-letters:redrive", "Dode berichten opnieuw aanbieden", endpointName: "http",
                commandName: "redrive-dead-letters",
                commandOptions: new HttpCommandOptions
                {
                    ResultMode = HttpCommandResultMode.Json,
                    Description = "Zet de berichten uit de dode-berichtenwachtrijen terug voor een nieuwe reeks pogingen; al verwerkte berichten hebben geen tweede effect.",
                    ConfirmationMessage = "Alle dode berichten van deze dienst opnieuw aanbieden?",
                    IconName = "ArrowRepeatAll",
                });
}
