/** A colour and a dash pattern per team (so lines differ without colour too), in team order. */
const COLORS = [
  "#1f5fa8",
  "#b3261e",
  "#1d6b34",
  "#7a4a00",
  "#6a3d9a",
  "#00706f",
  "#a4266d",
  "#4d4d4d",
  "#8a5a00",
  "#2b4f7a",
  "#5c6b00",
  "#7b2d26",
];
const DASHES = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [12, 6]];

export function teamColor(index: number): string {
  return COLORS[index % COLORS.length]!;
}

export function teamDash(index: number): number[] {
  return DASHES[index % DASHES.length]!;
}
