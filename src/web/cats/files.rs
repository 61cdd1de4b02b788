//! Files into the cat lab: the files of a picker, a drop (folders walked) or a
//! paste; their bytes; and pictures decoded by the browser. Every picture's
//! header is sniffed first (not an image, more than 40 megapixels: refused before
//! decoding); then `createImageBitmap` decodes it, a canvas gives the centre
//! square's RGBA, and the engine averages it down to 64×64.

use js_sys::{Array, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, CanvasRenderingContext2d, DataTransfer, File, FileList, FileSystemDirectoryEntry,
    FileSystemDirectoryReader, FileSystemEntry, FileSystemFileEntry, HtmlCanvasElement,
    ImageBitmap,
};

use crate::app::message::{Message, Topic};
use crate::engine::cats::CatError;
use crate::engine::image::{centre_crop, sniff, Picture};

use super::super::dom::document;

/// Longest side of the centre square handed to the engine: a larger square is first
/// scaled down by the browser (to 32·64 px, so the engine's average stays exact).
const MAX_DECODE_SIDE: u32 = 2048;
/// Longest side of the original's preview, in pixels.
const PREVIEW_SIDE: u32 = 240;

/// A file and its path inside a dropped or picked folder (its name when there is none).
pub struct Picked {
    /// The file.
    pub file: File,
    /// `folder/sub/name.jpg` or `name.jpg`.
    pub path: String,
}

/// A small RGBA copy of a whole picture, for showing the original and its crop.
#[derive(Clone, Debug)]
pub struct Preview {
    /// Width × height × 4 bytes.
    pub rgba: Vec<u8>,
    /// Preview width.
    pub width: u32,
    /// Preview height.
    pub height: u32,
}

/// A decoded picture: the 64×64 the network sees, the source size, a preview.
pub struct Decoded {
    /// The 64×64 picture.
    pub picture: Picture,
    /// Width before cropping.
    pub width: u32,
    /// Height before cropping.
    pub height: u32,
    /// The whole picture, small (when asked for).
    pub preview: Option<Preview>,
}

/// The files of a file input (with their folder paths when a folder was picked).
pub fn from_file_list(list: Option<FileList>) -> Vec<Picked> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.get(i))
        .map(|file| {
            let relative = Reflect::get(&file, &"webkitRelativePath".into())
                .ok()
                .and_then(|v| v.as_string())
                .filter(|p| !p.is_empty());
            let path = relative.unwrap_or_else(|| file.name());
            Picked { file, path }
        })
        .collect()
}

/// What a drop holds, taken while the event lasts (its items die with it): files,
/// and folders to walk afterwards.
pub struct Dropped {
    files: Vec<Picked>,
    folders: Vec<FileSystemDirectoryEntry>,
}

/// The files and folders of a drop or a paste.
pub fn from_transfer(transfer: &DataTransfer) -> Dropped {
    let mut dropped = Dropped {
        files: Vec::new(),
        folders: Vec::new(),
    };
    let items = transfer.items();
    for i in 0..items.length() {
        let Some(item) = items.get(i).filter(|it| it.kind() == "file") else {
            continue;
        };
        let entry = item.webkit_get_as_entry().ok().flatten();
        match entry.filter(FileSystemEntry::is_directory) {
            Some(dir) => dropped.folders.push(dir.unchecked_into()),
            None => {
                if let Ok(Some(file)) = item.get_as_file() {
                    let path = file.name();
                    dropped.files.push(Picked { file, path });
                }
            }
        }
    }
    dropped
}

impl Dropped {
    /// Nothing was dropped (no file, no folder).
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && self.folders.is_empty()
    }

    /// Every file, the folders walked (hidden files such as `.DS_Store` skipped).
    pub async fn files(self) -> Vec<Picked> {
        let mut files = self.files;
        let mut folders: Vec<FileSystemDirectoryEntry> = self.folders;
        while let Some(folder) = folders.pop() {
            for entry in read_folder(&folder.create_reader()).await {
                if entry.name().starts_with('.') {
                    continue;
                }
                if entry.is_directory() {
                    folders.push(entry.unchecked_into());
                } else if let Some(file) = entry_file(entry.unchecked_ref()).await {
                    let path = entry.full_path().trim_start_matches('/').to_string();
                    files.push(Picked { file, path });
                }
            }
        }
        files
    }
}

/// All entries of a folder (`readEntries` gives them in batches until an empty one).
async fn read_folder(reader: &FileSystemDirectoryReader) -> Vec<FileSystemEntry> {
    let mut all = Vec::new();
    loop {
        let batch = Promise::new(&mut |resolve, reject| {
            let _ = reader.read_entries_with_callback_and_callback(&resolve, &reject);
        });
        let Ok(batch) = JsFuture::from(batch).await else {
            break;
        };
        let batch: Array = batch.unchecked_into();
        if batch.length() == 0 {
            break;
        }
        all.extend(batch.iter().map(JsCast::unchecked_into::<FileSystemEntry>));
    }
    all
}

async fn entry_file(entry: &FileSystemFileEntry) -> Option<File> {
    let promise = Promise::new(&mut |resolve, reject| {
        entry.file_with_callback_and_callback(&resolve, &reject);
    });
    JsFuture::from(promise).await.ok()?.dyn_into::<File>().ok()
}

/// The bytes of a file or blob.
pub async fn bytes_of(blob: &Blob) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(blob.array_buffer()).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Sniffs, decodes and averages down the picture in `bytes`; errors name `name`.
pub async fn decode(bytes: &[u8], name: &str, with_preview: bool) -> Result<Decoded, Message> {
    let named = |e: CatError| Message::cats(&e.with_file(name));
    sniff(bytes).map_err(named)?;
    let corrupt = || corrupt_problem(name);
    let bitmap = bitmap_of(bytes).await.map_err(|_| corrupt())?;
    let (width, height) = (bitmap.width(), bitmap.height());
    let result = centre_square(&bitmap).map_err(|_| corrupt());
    let preview = if with_preview {
        preview_of(&bitmap).ok()
    } else {
        None
    };
    bitmap.close();
    let (rgba, side) = result?;
    let picture = Picture::from_rgba(&rgba, side, side).map_err(named)?;
    Ok(Decoded {
        picture,
        width,
        height,
        preview,
    })
}

/// image-corrupt naming `name` (the browser could not decode what the header promised).
/// The message for a file the browser could not read or decode, naming it.
pub(super) fn corrupt_problem(name: &str) -> Message {
    Message::new(Topic::Cats, "image-corrupt").text("file", name)
}

async fn bitmap_of(bytes: &[u8]) -> Result<ImageBitmap, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence(&parts)?;
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let bitmap = JsFuture::from(window.create_image_bitmap_with_blob(&blob)?).await?;
    bitmap.dyn_into::<ImageBitmap>()
}

/// A scratch canvas of `width` × `height` and its 2-D context.
pub fn scratch(
    width: u32,
    height: u32,
) -> Result<(HtmlCanvasElement, CanvasRenderingContext2d), JsValue> {
    let canvas: HtmlCanvasElement = document()?.create_element("canvas")?.dyn_into()?;
    canvas.set_width(width.max(1));
    canvas.set_height(height.max(1));
    let ctx = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into::<CanvasRenderingContext2d>()?;
    Ok((canvas, ctx))
}

/// Asks for the browser's best downscaling filter (`imageSmoothingQuality = "high"`).
fn smooth_high(ctx: &CanvasRenderingContext2d) {
    let _ = Reflect::set(ctx, &"imageSmoothingQuality".into(), &"high".into());
}

/// The centre square's RGBA (scaled by the browser to at most [`MAX_DECODE_SIDE`]) and its side.
fn centre_square(bitmap: &ImageBitmap) -> Result<(Vec<u8>, u32), JsValue> {
    let (x0, y0, side) = centre_crop(bitmap.width(), bitmap.height());
    let out = side.min(MAX_DECODE_SIDE);
    let (_canvas, ctx) = scratch(out, out)?;
    smooth_high(&ctx);
    let (x0, y0, side, out_f) = (x0 as f64, y0 as f64, side as f64, out as f64);
    ctx.draw_image_with_image_bitmap_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
        bitmap, x0, y0, side, side, 0.0, 0.0, out_f, out_f,
    )?;
    let data = ctx.get_image_data(0.0, 0.0, out_f, out_f)?;
    Ok((data.data().0, out))
}

/// The whole picture scaled to at most [`PREVIEW_SIDE`] on its longer side.
fn preview_of(bitmap: &ImageBitmap) -> Result<Preview, JsValue> {
    let (w, h) = (bitmap.width().max(1), bitmap.height().max(1));
    let scale = (PREVIEW_SIDE as f64 / w.max(h) as f64).min(1.0);
    let (pw, ph) = (
        ((w as f64 * scale).round() as u32).max(1),
        ((h as f64 * scale).round() as u32).max(1),
    );
    let (_canvas, ctx) = scratch(pw, ph)?;
    smooth_high(&ctx);
    ctx.draw_image_with_image_bitmap_and_dw_and_dh(bitmap, 0.0, 0.0, pw as f64, ph as f64)?;
    let data = ctx.get_image_data(0.0, 0.0, pw as f64, ph as f64)?;
    Ok(Preview {
        rgba: data.data().0,
        width: pw,
        height: ph,
    })
}
