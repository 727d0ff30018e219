using ChangeGuard.Simulator.Scenarios;

namespace ChangeGuard.Simulator.Api;

/// <summary>
/// What an operation answers: its <c>Data</c>, paging repeated at the top level where SAE does that, and the
/// <c>abortAnswer</c> fault whose answer replaces it when one applies.
/// </summary>
internal sealed record SaeAnswer(object Data, Paging? TopLevelPaging = null, AbortAnswerFault? ReplacedBy = null);

/// <summary>SAE's paging fields.</summary>
internal sealed record Paging(int CurrentPage, int PageSize, int TotalSize);
