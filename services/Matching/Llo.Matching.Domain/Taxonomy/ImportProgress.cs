namespace Llo.Matching.Domain.Taxonomy;

/// <summary>How far an import is: step <see cref="Step"/> of <see cref="StepCount"/>, named for the file being read.</summary>
public sealed record ImportProgress(int Step, int StepCount, string File, long RowsRead);
