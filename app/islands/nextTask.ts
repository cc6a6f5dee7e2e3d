/**
 * Resolves in a new task (a macrotask, not a microtask): the browser paints and answers input in between. Work split
 * this way makes short tasks instead of one long one, and Lighthouse counts a task's time beyond 50 ms as blocking.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
