/**
 * The cells of the book's 5 x 5 gridworld (chapter 1): its size, the goal's cell, the default walls and pit as bit
 * masks over cells r * 5 + c, and the cell kinds a value-iteration result reports. Shared by the worker task that
 * solves the world and the figure that draws it.
 */
export const GRID_ROWS = 5;
export const GRID_COLS = 5;
/** The goal is fixed at the top right. */
export const GOAL_CELL = 4;
/** Default layout: walls at (1,1), (1,2), (3,2), (3,3); a pit at (1,4) (as `defaultGridworld`). */
export const DEFAULT_WALLS = (1 << 6) | (1 << 7) | (1 << 17) | (1 << 18);
export const DEFAULT_PITS = 1 << 9;

/** Cell kinds. */
export const CELL_FREE = 0;
export const CELL_WALL = 1;
export const CELL_GOAL = 2;
export const CELL_PIT = 3;
