// These tests check Linux file modes, /proc and ss: the platform's servers run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
