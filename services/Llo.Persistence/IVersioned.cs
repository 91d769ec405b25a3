namespace Llo.Persistence;

/// <summary>A stored row with an optimistic version: it grows by one with every change that changes something.</summary>
public interface IVersioned
{
    long Version { get; }
}
