import type { MockTask, MockTasks } from "./types.js";

/** What the store keeps; the status is derived from the clock on every read. */
type TaskRecord = Omit<MockTask, "status">;

/** Settings shared by every task of one server. */
export interface TaskSettings {
  readonly now: () => number;
  readonly durationMs: number;
  readonly outcome: "succeed" | "failed";
  readonly pendingStates: readonly string[];
  readonly successState: string;
  readonly failureState: string;
}

const DEFAULT_FAILURE_MESSAGE = "Task failed (simulated by the local endpoint)";

/**
 * Tasks whose state is a pure function of the clock: pending states share the duration evenly,
 * then the outcome holds. Nothing runs in the background, so a fake clock drives them exactly.
 */
export class TaskStore implements MockTasks {
  readonly #tasks = new Map<number, TaskRecord>();
  readonly #settings: TaskSettings;
  #nextId = 18_000;
  #failNext: string[] = [];

  constructor(settings: TaskSettings) {
    this.#settings = settings;
  }

  list(): MockTask[] {
    return [...this.#tasks.values()].map((task) => this.#view(task));
  }

  get(id: number): MockTask | undefined {
    const task = this.#tasks.get(id);
    return task && this.#view(task);
  }

  create(
    options: { action?: string; instanceId?: string; outcome?: "succeed" | "failed"; durationMs?: number } = {},
  ): MockTask {
    const forcedFailure = this.#failNext.shift();
    const outcome = forcedFailure !== undefined ? "failed" : (options.outcome ?? this.#settings.outcome);
    const task: TaskRecord = {
      id: this.#nextId++,
      action: options.action ?? "",
      instanceId: options.instanceId,
      createdAt: this.#settings.now(),
      durationMs: options.durationMs ?? this.#settings.durationMs,
      outcome,
      message: outcome === "failed" ? (forcedFailure ?? DEFAULT_FAILURE_MESSAGE) : "",
    };
    this.#tasks.set(task.id, task);
    return this.#view(task);
  }

  failNext(message = DEFAULT_FAILURE_MESSAGE): void {
    this.#failNext.push(message);
  }

  #view(task: TaskRecord): MockTask {
    return { ...task, status: this.#status(task) };
  }

  #status(task: TaskRecord): string {
    const { pendingStates, successState, failureState, now } = this.#settings;
    const elapsed = now() - task.createdAt;
    if (elapsed >= task.durationMs || pendingStates.length === 0) {
      return task.outcome === "failed" ? failureState : successState;
    }
    const index = Math.floor((Math.max(0, elapsed) / task.durationMs) * pendingStates.length);
    return pendingStates[Math.min(index, pendingStates.length - 1)]!;
  }
}
