namespace Tko.Generators.Model
{
    /// <summary>
    /// The outcome for one <c>[GenerateWith]</c> type: a target to generate, or the diagnostics explaining why not.
    /// </summary>
    internal sealed record ExtractionResult(WithTarget? Target, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        public static ExtractionResult Nothing { get; } = new ExtractionResult(null, EquatableArray<DiagnosticInfo>.Empty);

        public static ExtractionResult Success(WithTarget target) => new ExtractionResult(target, EquatableArray<DiagnosticInfo>.Empty);

        public static ExtractionResult Failure(EquatableArray<DiagnosticInfo> diagnostics) => new ExtractionResult(null, diagnostics);
    }
}
