//! Block digits for the break card's countdown: a clock that reads across a room, or on a shared
//! screen a video call has shrunk to a thumbnail.
//!
//! Each glyph is drawn on a 3x5 grid of "pixels"; a pixel is `sx` cells wide and `sy` rows tall.
//! A terminal cell is about twice as tall as it is wide, so `sx = 2 * sy` keeps pixels square.

/// The glyphs: rows of a 3-pixel-wide grid (`#` on, space off); the colon is one pixel wide.
fn glyph(c: char) -> Option<[&'static str; 5]> {
    Some(match c {
        '0' => ["###", "# #", "# #", "# #", "###"],
        '1' => [" # ", "## ", " # ", " # ", "###"],
        '2' => ["###", "  #", "###", "#  ", "###"],
        '3' => ["###", "  #", "###", "  #", "###"],
        '4' => ["# #", "# #", "###", "  #", "  #"],
        '5' => ["###", "#  ", "###", "  #", "###"],
        '6' => ["###", "#  ", "###", "# #", "###"],
        '7' => ["###", "  #", "  #", "  #", "  #"],
        '8' => ["###", "# #", "###", "# #", "###"],
        '9' => ["###", "# #", "###", "  #", "###"],
        ':' => [" ", "#", " ", "#", " "],
        _ => return None,
    })
}

/// Rows of pixels in a glyph.
pub const GLYPH_ROWS: usize = 5;

/// The width in pixels of `text` drawn in block digits (a pixel of space between glyphs); `None`
/// when it holds a character the font lacks.
fn pixels_wide(text: &str) -> Option<usize> {
    let mut width = 0;
    for (i, c) in text.chars().enumerate() {
        width += glyph(c)?[0].len() + usize::from(i > 0);
    }
    Some(width)
}

/// The largest scale (`sx`, `sy`) at which `text` fits in `width` x `height` cells, from a few
/// square-pixel sizes; `None` when not even the smallest fits (the card then writes it plainly).
pub fn fit(text: &str, width: usize, height: usize) -> Option<(usize, usize)> {
    let wide = pixels_wide(text)?;
    [(6, 3), (4, 2), (2, 1)]
        .into_iter()
        .find(|&(sx, sy)| wide * sx <= width && GLYPH_ROWS * sy <= height)
}

/// `text` in block digits at scale (`sx`, `sy`): `GLYPH_ROWS * sy` lines of equal width. Characters
/// the font lacks are skipped (the caller checked with [`fit`]).
pub fn render(text: &str, sx: usize, sy: usize) -> Vec<String> {
    let glyphs: Vec<[&str; 5]> = text.chars().filter_map(glyph).collect();
    let mut lines = Vec::with_capacity(GLYPH_ROWS * sy);
    for row in 0..GLYPH_ROWS {
        let mut line = String::new();
        for (i, g) in glyphs.iter().enumerate() {
            if i > 0 {
                line.push_str(&" ".repeat(sx));
            }
            for pixel in g[row].chars() {
                let cell = if pixel == '#' { "█" } else { " " };
                line.push_str(&cell.repeat(sx));
            }
        }
        lines.extend(std::iter::repeat_n(line, sy));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_read_as_digits() {
        assert_eq!(
            render("4:59", 1, 1),
            [
                "# #   ### ###",
                "# # # #   # #",
                "###   ### ###",
                "  # #   #   #",
                "  #   ### ###"
            ]
            .map(|l| l.replace('#', "█"))
        );
        let big = render("0", 2, 2);
        assert_eq!(big.len(), 10);
        assert_eq!(big[0], "██████");
        assert_eq!(big[2], "██  ██");
    }

    #[test]
    fn the_largest_scale_that_fits_is_chosen() {
        // "4:59" is 13 pixels wide and 5 tall.
        assert_eq!(fit("4:59", 200, 40), Some((6, 3)));
        assert_eq!(fit("4:59", 76, 14), Some((4, 2)));
        assert_eq!(fit("4:59", 36, 5), Some((2, 1)));
        assert_eq!(fit("4:59", 20, 5), None);
        assert_eq!(fit("4:59", 80, 4), None);
        assert_eq!(fit("soon", 200, 40), None);
    }
}
