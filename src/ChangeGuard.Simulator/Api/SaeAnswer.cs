namespace ChangeGuard.Simulator.Api;

/// <summary>What an operation answers: its <c>Data</c>, and paging repeated at the top level where SAE does that.</summary>
internal sealed record SaeAnswer(object Data, Paging? TopLevelPaging = null);

/// <summary>SAE's paging fields.</summary>
internal sealed record Paging(int CurrentPage, int PageSize, int TotalSize);
