/** A colour and a dash pattern per team (so lines differ without colour too), in team order. */
// In the order of the set-up's default team names (Red, Blue, Green, Yellow, ...), so team "Red" is drawn red;
// each dark enough for text and lines on white.
const COLORS = [
  "#b3261e", // red
  "#1f5fa8", // blue
  "#1d6b34", // green
  "#8a6d00", // yellow
  "#6a3d9a", // purple
  "#b35900", // orange
  "#00706f", // teal
  "#a4266d", // pink
  "#4d4d4d", // grey
  "#7a4a00", // brown
  "#1b2f6b", // navy
  "#5c6b00", // olive
];
const DASHES = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [12, 6]];

export function teamColor(index: number): string {
  return COLORS[index % COLORS.length]!;
}

export function teamDash(index: number): number[] {
  return DASHES[index % DASHES.length]!;
}
