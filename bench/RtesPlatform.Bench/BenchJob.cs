using Npgsql;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Bench;

/// <summary>The jobs the jobs benchmark enqueues: one that records when it started, one that does nothing.</summary>
public sealed class BenchJob(NpgsqlDataSource dataSource)
{
    public static JobKind StartKind { get; } = new()
    {
        Key = "bench-start",
        Type = typeof(BenchJob),
        Method = nameof(RecordStartAsync),
        Name = "Mesure : démarrage d’une tâche",
        Description = "Note l’heure à laquelle la tâche a démarré (banc d’essai).",
        Retry = JobRetryPolicy.None,
        KeepSucceededFor = TimeSpan.FromMinutes(10),
    };

    public static JobKind NoopKind { get; } = new()
    {
        Key = "bench-noop",
        Type = typeof(BenchJob),
        Method = nameof(NothingAsync),
        Name = "Mesure : tâche vide",
        Description = "Ne fait rien (banc d’essai).",
        Retry = JobRetryPolicy.None,
        KeepSucceededFor = TimeSpan.FromMinutes(10),
    };

    public async Task RecordStartAsync(long sequence, long enqueuedTicks)
    {
        var started = DateTime.UtcNow.Ticks;
        await using var command = dataSource.CreateCommand("INSERT INTO bench_job_starts (seq, enqueued_ticks, started_ticks) VALUES ($1, $2, $3)");
        command.Parameters.Add(new NpgsqlParameter { Value = sequence });
        command.Parameters.Add(new NpgsqlParameter { Value = enqueuedTicks });
        command.Parameters.Add(new NpgsqlParameter { Value = started });
        await command.ExecuteNonQueryAsync();
    }

    public static Task NothingAsync() => Task.CompletedTask;
}
