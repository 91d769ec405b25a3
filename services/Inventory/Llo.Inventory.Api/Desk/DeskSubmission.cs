using Llo.Inventory.Domain.Projects;

namespace Llo.Inventory.Api.Desk;

/// <summary>A person's details, present only with their consent.</summary>
public sealed record DeskContactDetails(string? Name, string? Email, string? Phone);

/// <summary>A validated desk question as submitted.</summary>
public sealed record DeskSubmission(
    string Topic,
    string Question,
    string? Municipality,
    FocusLine? FocusLine,
    string? Sector,
    string? Campus,
    DeskContactDetails? Contact);
